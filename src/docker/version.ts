// The Docker release the simulator follows: Debian 12's docker.io, whose dockerd and CLI the
// conformance suites run against. Written once here; `docker --version`, `docker version`,
// `docker info` and the configs of committed images all print it.
export const DOCKER_VERSION = '20.10.24+dfsg1';
/** The CLI's git commit in `docker --version` and `docker version`. */
export const DOCKER_CLI_COMMIT = '297e128';
