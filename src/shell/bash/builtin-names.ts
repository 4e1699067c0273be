// The names bash 5.1 keeps as builtins: the ones this shell lacks say they are not simulated
// (compgen, trap …) instead of "command not found", which would deny that bash has them.
export const BASH_BUILTIN_NAMES: readonly string[] = [
  ...['alias', 'bg', 'bind', 'break', 'builtin', 'caller', 'cd', 'command', 'compgen', 'complete'],
  ...['compopt', 'continue', 'declare', 'dirs', 'disown', 'echo', 'enable', 'eval', 'exec', 'exit'],
  ...['export', 'false', 'fc', 'fg', 'getopts', 'hash', 'help', 'history', 'jobs', 'kill', 'let'],
  ...['local', 'logout', 'mapfile', 'popd', 'printf', 'pushd', 'pwd', 'read', 'readarray', 'readonly'],
  ...['return', 'set', 'shift', 'shopt', 'source', 'suspend', 'test', 'times', 'trap', 'true', 'type'],
  ...['typeset', 'ulimit', 'umask', 'unalias', 'unset', 'wait'],
];

/** bash's builtins that dash lacks: there they are `not found`. */
export const NOT_IN_DASH: ReadonlySet<string> = new Set([
  ...['source', 'declare', 'typeset', 'let', 'shopt', 'history', 'help', 'pushd', 'popd', 'dirs'],
  ...['mapfile', 'readarray', 'enable', 'builtin', 'caller', 'compgen', 'complete', 'compopt', 'bind'],
  ...['disown', 'suspend', 'logout'],
]);

/** bash's builtins that busybox's ash lacks (it has source, let, history and help). */
export const NOT_IN_ASH: ReadonlySet<string> = new Set(
  [...NOT_IN_DASH].filter((b) => !['source', 'let', 'history', 'help'].includes(b)),
);

/** POSIX's special builtins (and local), which dash's and ash's `type` call so. */
export const SPECIAL_BUILTINS: ReadonlySet<string> = new Set([
  ...['.', ':', 'break', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set'],
  ...['shift', 'times', 'trap', 'unset', 'local'],
]);
