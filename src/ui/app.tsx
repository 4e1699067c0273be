// The interactive screen's root. Until the simulator has loaded, a first frame stands in: the
// prompt, taking keys. The Screen (src/ui/screen.tsx) arrives with the simulator, behind the same
// lazy door (src/simulator-entry.ts), and takes over with what was typed.
import { Text, useApp, useInput } from 'ink';
import { type ComponentType, useEffect, useRef, useState } from 'react';
import type { ScreenHost } from './screen-host.js';
import type { ScreenProps, TypedAhead } from './screen.js';

/** What the screen loads after its first frame: the simulated host and the Screen that shows it. */
export interface Loaded {
  host: ScreenHost;
  Screen: ComponentType<ScreenProps>;
}

/** The Screen's props but what the App gives it (the host, the keys typed ahead), and: */
export interface AppProps extends Omit<ScreenProps, 'host' | 'typedAhead'> {
  /** The simulator and the Screen, loaded after the first frame is drawn; what `progress` hears
   * (a real host being prepared: seconds) is shown above the prompt meanwhile. */
  load: (progress: (text: string) => void) => Promise<Loaded>;
  /** The prompt the loaded host will show first, drawn before it has loaded (first-prompt.ts). */
  firstPrompt?: string;
  /** What the loaded host will show above that prompt, where it is known before (the lesson map). */
  firstIntro?: string | undefined;
}

export function App({ load, ...props }: AppProps) {
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [progress, setProgress] = useState('');
  const typedAhead = useRef<TypedAhead>({ line: '', lines: [] }).current;
  useEffect(() => {
    let live: ScreenHost | undefined;
    let gone = false;
    void load((text) => {
      if (!gone) setProgress((was) => was + text);
    }).then(
      (l) => {
        live = l.host;
        if (gone) l.host.dispose();
        else setLoaded(l);
      },
      // A broken lesson file or a missing lesson: said plainly, never as a stack trace.
      (e: unknown) => setFailure(`overlay-tutor: ${e instanceof Error ? e.message : String(e)}`),
    );
    return () => {
      gone = true;
      live?.dispose();
    };
  }, [load]);
  return loaded ? (
    <loaded.Screen {...props} host={loaded.host} typedAhead={typedAhead} />
  ) : (
    <FirstFrame {...props} failure={failure} progress={progress} typedAhead={typedAhead} />
  );
}

type FrameProps = Omit<AppProps, 'load'> & { typedAhead: TypedAhead };

/**
 * The screen before the simulator is there: the prompt the loaded host will show, taking keys
 * (what is typed is kept for the Screen to run). Plain text, one node: every node and style is
 * work for Ink before the first frame (its first styled character alone ~6 M instructions of
 * cold code); the cursor, the status line, the layout and the panes come ~100 ms later with the
 * simulator and the Screen.
 */
function FirstFrame({
  s,
  firstPrompt = '',
  firstIntro,
  onExit,
  failure,
  progress,
  typedAhead,
}: FrameProps & { failure: string | undefined; progress: string }) {
  const { exit } = useApp();
  const [line, setLine] = useState('');
  const [ctrlC, setCtrlC] = useState(false);
  // Keys can arrive faster than React renders (a loaded machine, a paste): each key builds on the
  // line as the last key left it (typedAhead, written at once), not on the render's copy.
  const ctrlCPending = useRef(false);
  useInput((ch, key) => {
    if (key.ctrl && ch === 'c') {
      if (typedAhead.line === '' && ctrlCPending.current) {
        onExit?.(130);
        exit();
      }
      typedAhead.line = '';
      setLine('');
      ctrlCPending.current = true;
      setCtrlC(true);
      return;
    }
    ctrlCPending.current = false;
    setCtrlC(false);
    if (key.ctrl && ch === 'd' && typedAhead.line === '') {
      onExit?.(0);
      exit();
      return;
    }
    let next = typedAhead.line;
    if (key.return) {
      typedAhead.lines.push(next);
      next = '';
    } else if (key.backspace || key.delete) next = next.slice(0, -1);
    // Keys for the screen's panes and help (Esc, arrows, Tab, ? on an empty line) wait for it.
    else if (!key.ctrl && !key.meta && !key.tab && !key.escape && ch && !(ch === '?' && next === '')) {
      // A paste (or keys sent faster than they are read) can carry Enter inside the text.
      const parts = (next + ch).split(/\r\n|\r|\n/);
      next = parts.pop() ?? '';
      typedAhead.lines.push(...parts);
    }
    typedAhead.line = next;
    setLine(next);
  });
  return (
    <Text>
      {failure ? `${failure}\n` : ''}
      {firstIntro ?? ''}
      {lastLines(progress, 12)}
      {firstPrompt}
      {line}
      {ctrlC ? `\n${s.ctrlCAgain}` : ''}
    </Text>
  );
}

/** The last `n` lines of `text` (a preparation's progress: the newest is what matters). */
function lastLines(text: string, n: number): string {
  const lines = text.split('\n');
  return lines.length > n + 1 ? `…\n${lines.slice(-(n + 1)).join('\n')}` : text;
}
