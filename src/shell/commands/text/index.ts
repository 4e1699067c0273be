// The text-processing commands learners pipe docker's output through.
import type { CommandSpec } from '../../command.js';
import { awk } from './awk/index.js';
import { cut } from './cut.js';
import { grep } from './grep.js';
import { head, tail } from './headtail.js';
import { base64, nl, rev, tee, uniq } from './uniq-tee-rev-nl-base64.js';
import { sed } from './sed/index.js';
import { sort } from './sort.js';
import { md5sum, sha1sum, sha256sum } from './sums.js';
import { tr } from './tr.js';
import { wc } from './wc.js';
import { xargs } from './xargs.js';
import { odCommand } from './od.js';
import { yesCommand } from './yes.js';
import { gzipCommands } from './gzip.js';
import { hexdumpCommands } from './hexdump.js';
import { cmpCommand } from './cmp.js';
import { diffCommand } from './diff.js';
import { exprCommand } from './expr.js';

export const textCommands: CommandSpec[] = [
  awk,
  { ...awk, name: 'gawk' },
  cut,
  grep,
  head,
  tail,
  base64,
  nl,
  rev,
  tee,
  uniq,
  sed,
  sort,
  md5sum,
  sha1sum,
  sha256sum,
  tr,
  wc,
  xargs,
  odCommand,
  yesCommand,
  ...gzipCommands,
  ...hexdumpCommands,
  exprCommand,
  cmpCommand,
  diffCommand,
];
