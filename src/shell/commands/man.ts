// man: a short page for each command the simulated host has, laid out as man-db lays a page out
// at 80 columns (NAME, SYNOPSIS, DESCRIPTION, the header and footer lines), and honest about being
// short: it names what the tutor models and sends the reader to a real host for the whole page.
// On the screen it opens in the pager; elsewhere it prints, as man does when stdout is no terminal.
import type { CommandContext, CommandSpec } from '../command.js';
import { screenApps } from './fs/editors.js';

/** Commands whose pages are in section 8 (system administration) on Ubuntu. */
const SECTION_8 = new Set(['mount', 'umount', 'findmnt', 'xfs_info', 'dockerd', 'chroot', 'mkfs.xfs']);

function wrap(text: string, width: number, indent: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      out.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(indent + line);
  return out;
}

export function manPage(spec: CommandSpec, width = 80): string {
  const section = SECTION_8.has(spec.name) ? 8 : 1;
  const id = `${spec.name.toUpperCase()}(${section})`;
  const middle = section === 8 ? 'System Administration' : 'User Commands';
  const gap = Math.max(1, width - 2 * id.length - middle.length);
  const head = `${id}${' '.repeat(Math.floor(gap / 2))}${middle}${' '.repeat(Math.ceil(gap / 2))}${id}`;
  const flags = spec.flags?.length ? ` [${spec.flags.join('] [')}]` : '';
  const foot = `overlay-tutor${' '.repeat(Math.max(1, width - 13 - id.length))}${id}`;
  const ind = '       ';
  return [
    head,
    '',
    'NAME',
    ...wrap(`${spec.name} - ${spec.summary}`, width, ind),
    '',
    'SYNOPSIS',
    ...wrap(`${spec.name}${flags} ...`, width, ind),
    '',
    'DESCRIPTION',
    ...wrap(
      `This is the tutor's short page for ${spec.name}: the line above says what the simulated host ` +
        'models of it. A real host has the whole manual page (man ' +
        `${spec.name} there, or ${spec.name} --help).`,
      width,
      ind,
    ),
    '',
    foot,
    '',
  ].join('\n');
}

export function createManCommand(commands: () => Iterable<CommandSpec>): CommandSpec {
  return {
    name: 'man',
    summary: 'a short page for a command of the simulated host (q quits)',
    async run(ctx: CommandContext) {
      const names = ctx.argv.slice(1).filter((a) => !a.startsWith('-') && !/^\d$/.test(a));
      if (names.length === 0) {
        ctx.stderr("What manual page do you want?\nFor example, try 'man man'.\n");
        return 1;
      }
      const specs = new Map([...commands()].map((c) => [c.name, c]));
      let status = 0;
      let text = '';
      for (const n of names) {
        const spec = specs.get(n);
        if (spec) text += manPage(spec);
        else {
          ctx.stderr(`No manual entry for ${n}\n`);
          status = 16;
        }
      }
      if (text === '') return status;
      const open = screenApps(ctx, false);
      if (open) await open({ kind: 'pager', name: ` Manual page ${names[0]}(1) line 1 (press q to quit)`, text });
      else ctx.stdout(text);
      return status;
    },
  };
}
