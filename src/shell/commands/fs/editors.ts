// The editors and pagers: vim/vi and nano edit a file on the tutor's screen (a full-screen view
// the screen draws, src/ui/editor.tsx); less, more and man page text there. Without the screen
// (line mode, a script, a pipe) vim edits from piped text or -c commands, nano says what to do
// instead, and the pagers print their text, as less and more do when stdout is not a terminal.
// vim saves as its backupcopy=auto does (a new file renamed over the old: a new inode); nano
// writes the file in place (the inode stays).
import type { Proc } from '../../../kernel/index.js';
import type { CommandContext, CommandSpec, FullScreenApp } from '../../command.js';
import { errText } from '../options.js';
import { tryStat } from './lookup.js';

const dec = new TextDecoder();

/** The screen's editor or pager, when the command runs on it with the terminal as stdout. */
export function screenApps(ctx: CommandContext, needsTerminalInput: boolean) {
  const apps = ctx.shell.terminal?.();
  if (!apps || !ctx.stdoutIsTerminal || (needsTerminalInput && !ctx.stdinIsTerminal)) return undefined;
  return (app: FullScreenApp) => ctx.budget.waitFor(apps.open(app));
}

/** :w as vim does it: FILE renamed to FILE~, a new FILE written with the old owner and mode, FILE~ removed. */
export function vimSave(proc: Proc, file: string, data: string): { ok: boolean; message: string } {
  const st = tryStat(proc, file);
  try {
    if (st) {
      const backup = `${file}~`;
      proc.rename(file, backup);
      proc.writeFile(file, data, { create: true, truncate: true }, st.mode & 0o777);
      // The owner first, then the mode, as vim does: chown(2) drops set-user-ID.
      proc.chown(file, st.uid, st.gid);
      proc.chmod(file, st.mode & 0o7777);
      proc.unlink(backup);
    } else proc.writeFile(file, data, { create: true, truncate: true });
  } catch (err) {
    return { ok: false, message: `"${file}" E212: Can't open file for writing (${errText(err)})` };
  }
  const lines = data === '' ? 0 : data.split('\n').length - (data.endsWith('\n') ? 1 : 0);
  const bytes = new TextEncoder().encode(data).length;
  return { ok: true, message: `"${file}" ${st ? '' : '[New] '}${lines}L, ${bytes}B written` };
}

/** ^O as nano does it: the file truncated and written in place (its inode stays). */
export function nanoSave(proc: Proc, file: string, data: string): { ok: boolean; message: string } {
  try {
    proc.writeFile(file, data, { create: true, truncate: true });
  } catch (err) {
    return { ok: false, message: `[ Error writing ${file}: ${errText(err)} ]` };
  }
  const lines = data === '' ? 0 : data.split('\n').length - (data.endsWith('\n') ? 1 : 0);
  return { ok: true, message: `[ Wrote ${lines} line${lines === 1 ? '' : 's'} ]` };
}

/** The file's text, or '' for a new one; undefined (said) for a directory. */
function fileText(ctx: CommandContext, name: string, file: string): { text: string; newFile: boolean } | undefined {
  const st = tryStat(ctx.proc, file);
  if (st?.type === 'dir') {
    ctx.stderr(`${name}: "${file}" is a directory\n`);
    return undefined;
  }
  try {
    return st ? { text: dec.decode(ctx.proc.readFile(file)), newFile: false } : { text: '', newFile: true };
  } catch (err) {
    ctx.stderr(`${name}: ${file}: ${errText(err)}\n`);
    return undefined;
  }
}

async function vim(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  const scripted = args.some((a) => a === '-c' || a.startsWith('+'));
  const open = scripted ? undefined : screenApps(ctx, true);
  if (!open) return vimWithoutScreen(ctx);
  const file = args.find((a) => !a.startsWith('-'));
  if (file === undefined) {
    await open({ kind: 'vim', name: '', text: '', newFile: true });
    return 0;
  }
  const content = fileText(ctx, ctx.argv[0] ?? 'vim', file);
  if (!content) return 1;
  await open({ kind: 'vim', name: file, ...content, save: (text) => vimSave(ctx.proc, file, text) });
  return 0;
}

async function nano(ctx: CommandContext): Promise<number> {
  const file = ctx.argv.slice(1).find((a) => !a.startsWith('-') && !a.startsWith('+'));
  const open = screenApps(ctx, true);
  if (!open) {
    ctx.stderr(
      "nano: without the tutor's screen there is no full-screen editor here; write the file with " +
        "cat > FILE <<EOF … EOF or printf, or edit it with vim FILE -c 's/old/new/' -c wq\n",
    );
    return 1;
  }
  if (file === undefined) {
    await open({ kind: 'nano', name: '', text: '', newFile: true });
    return 0;
  }
  const content = fileText(ctx, 'nano', file);
  if (!content) return 1;
  await open({ kind: 'nano', name: file, ...content, save: (text) => nanoSave(ctx.proc, file, text) });
  return 0;
}

/** less and more: FILEs, or standard input, paged on the screen; printed whole elsewhere. */
async function pager(ctx: CommandContext): Promise<number> {
  const name = ctx.argv[0] ?? 'less';
  const files = ctx.argv.slice(1).filter((a) => !a.startsWith('-') && !a.startsWith('+'));
  let text = '';
  let status = 0;
  if (files.length === 0) {
    if (ctx.stdinIsTerminal) {
      ctx.stderr(name === 'less' ? 'Missing filename ("less --help" for help)\n' : 'Usage: more [options] <file>...\n');
      return 1;
    }
    text = dec.decode(ctx.stdin);
  }
  for (const f of files) {
    const st = tryStat(ctx.proc, f);
    if (st?.type === 'dir') {
      ctx.stderr(name === 'less' ? `${f} is a directory\n` : `\n*** ${f}: directory ***\n\n`);
      status = 1;
      continue;
    }
    try {
      const body = dec.decode(ctx.proc.readFile(f));
      text += files.length > 1 ? `::::::::::::::\n${f}\n::::::::::::::\n${body}` : body;
    } catch (err) {
      ctx.stderr(name === 'less' ? `${f}: ${errText(err)}\n` : `${name}: cannot open ${f}: ${errText(err)}\n`);
      status = 1;
    }
  }
  const open = screenApps(ctx, false);
  if (open && text !== '') await open({ kind: 'pager', name: files[0] ?? '', text });
  else ctx.stdout(text);
  return status;
}

/**
 * vim/vi without a screen. `vim FILE` saves FILE as `:wq` would; text piped in replaces the
 * content; `-c CMD` / `+CMD` runs ex commands (s/…/…/g, %s, $a TEXT, d, wq, q!). Saving works as
 * vim's does (backupcopy=auto): the old file is renamed to FILE~, a new file is written and
 * FILE~ is removed, so the file gets a new inode, in an overlay upper dir too.
 */
function vimWithoutScreen(ctx: CommandContext): number {
  const cmds: string[] = [];
  const files: string[] = [];
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-c') cmds.push(args[++i] ?? '');
    else if (a.startsWith('+')) cmds.push(a.slice(1) || '$');
    else if (a.startsWith('-')) continue;
    else files.push(a);
  }
  const name = ctx.argv[0] ?? 'vim';
  const file = files[0];
  if (file === undefined) {
    ctx.stderr(
      `${name}: without the tutor's screen there is no full-screen editor here; ` +
        `use \`${name} FILE\` with text piped in, or -c 's/old/new/' ` +
        '-c wq\n',
    );
    return 1;
  }
  const st = tryStat(ctx.proc, file);
  if (st?.type === 'dir') {
    ctx.stderr(`${name}: "${file}" is a directory\n`);
    return 1;
  }
  let lines: string[] = st ? dec.decode(ctx.proc.readFile(file)).split('\n') : [''];
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  if (!ctx.stdinIsTerminal && ctx.stdin.length > 0) {
    lines = dec.decode(ctx.stdin).replace(/\n$/, '').split('\n');
  }
  let write = true;
  for (const c of cmds) {
    const cmd = c.replace(/^:/, '').trim();
    const sub = /^(%|\d+|\$)?s(.)(.*?)\2(.*?)(?:\2([gi]*))?$/.exec(cmd);
    if (sub) {
      const flags = sub[5] ?? '';
      let re: RegExp;
      try {
        re = new RegExp(sub[3] ?? '', flags.includes('g') ? 'g' : '');
      } catch {
        ctx.stderr(`E486: Pattern not found: ${sub[3]}\n`);
        continue;
      }
      const rep = (sub[4] ?? '').replace(/\\\//g, '/').replace(/&/g, '$&');
      const which = sub[1] === '%' ? null : sub[1] === '$' ? lines.length - 1 : sub[1] ? Number(sub[1]) - 1 : 0;
      lines = lines.map((l, i) => (which === null || i === which ? l.replace(re, rep) : l));
    } else if (/^\$?a(ppend)?\s/.test(cmd) || /^\$?put\s*=/.test(cmd)) {
      const text = cmd.replace(/^\$?(a(ppend)?\s|put\s*=\s*)/, '').replace(/^'(.*)'$/, '$1');
      lines.push(text);
    } else if (/^(\d+)?d$/.test(cmd)) {
      const n = /^(\d+)/.exec(cmd)?.[1];
      lines.splice(n ? Number(n) - 1 : 0, 1);
    } else if (cmd === 'q!' || cmd === 'cq') write = false;
    else if (/^(wq|x|w|q|wq!|w!|\$)$/.test(cmd)) continue;
    else ctx.stderr(`E492: Not an editor command: ${cmd}\n`);
  }
  if (!write) return 0;
  const data = `${lines.join('\n')}\n`;
  const saved = vimSave(ctx.proc, file, data);
  if (!saved.ok) {
    ctx.stderr(`${saved.message}\n`);
    return 1;
  }
  ctx.stderr(
    `${saved.message} (simulated ${name}: saved as :wq does, by writing a ` +
      'new file and renaming it over the old one, so the inode changes)\n',
  );
  return 0;
}

export const editorCommands: CommandSpec[] = [
  {
    name: 'vim',
    run: vim,
    summary: 'edit a file: on the screen full-screen (i, Esc, /, n, u, :w, :q); elsewhere piped text or -c commands',
    flags: ['-c'],
  },
  { name: 'vi', run: vim, summary: 'the same as vim', flags: ['-c'] },
  {
    name: 'nano',
    run: nano,
    summary: 'edit a file on the screen (^O writes, ^X exits, ^W finds, ^K/^U cut and paste); in place',
  },
  { name: 'less', run: pager, summary: 'page through a file or standard input (q quits)' },
  { name: 'more', run: pager, summary: 'page through a file or standard input (q quits)' },
];
