// Starts the Ink screen on a TTY. Imported lazily by the CLI, only when interactive, so the
// other modes never load React.
import { render } from 'ink';
import { STRINGS, type Lang } from '../i18n/index.js';
import { App } from './app.js';

export interface ScreenOptions {
  seed: number;
  lang: Lang;
  screenReader: boolean;
}

export async function runScreen(o: ScreenOptions): Promise<number> {
  // The simulator loads after the first frame: Ink paints the layout, then this runs.
  const load = async () => {
    const [{ createSimHost }, { screenHostFor }] = await Promise.all([import('../host/sim-host.js'), import('./screen-host-sim.js')]);
    const host = createSimHost({ seed: o.seed });
    const columns = process.stdout.columns;
    if (columns) {
      // ls asks the terminal for its width; the output area is narrower than the terminal.
      host.session.shell.state.vars.set('COLUMNS', String(columns >= 120 ? Math.floor(columns * 0.45) : columns));
      host.session.shell.state.exported.add('COLUMNS');
    }
    return screenHostFor(host);
  };
  let code = 0;
  const instance = render(<App load={load} s={STRINGS[o.lang]} linear={o.screenReader} onExit={(c) => (code = c)} />, {
    exitOnCtrlC: false,
    isScreenReaderEnabled: o.screenReader,
  });
  await instance.waitUntilExit();
  return code;
}
