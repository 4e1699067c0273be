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
