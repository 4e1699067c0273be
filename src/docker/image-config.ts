// The image config as Docker stores it in image/overlay2/imagedb/content/sha256/<image ID>.
//
// The Go structs (moby image.V1Image + image.Image, container.Config, RootFS, History) changed
// over Docker releases, and every change moves bytes, hence image IDs. Eras, from moby's tags:
//   '20.10' (17.x–24.x): History is moby's own struct (created, author, created_by, …; created
//           always written); V1Image.Created a time.Time value; Config has MacAddress and writes
//           "OnBuild":null; HealthConfig without StartInterval; Go < 1.22 string escapes.
//   '25.0'  (25.x–28.x): History = OCI ocispec.History (created omitempty, created_by before
//           author); Created a *time.Time ("created":null when unset); HealthConfig.StartInterval.
//   '29.0'  (29.x): Config.MacAddress removed; OnBuild omitempty; Go ≥ 1.22 (\b and \f escapes).
// In every era image.Image.MarshalJSON re-marshals through a map, so top-level keys are sorted.
import { imageId, type Digest } from './digest.js';
import {
  goBool,
  goEmptyStruct,
  goInt,
  goString,
  goStruct,
  goTime,
  mapOf,
  marshalGo,
  ptrTo,
  sliceOf,
  type GoField,
  type GoInt,
  type GoJsonOptions,
  type GoType,
} from './go-json.js';
import { unmarshalGo } from './go-json-decode.js';

export type DockerEra = '20.10' | '25.0' | '29.0';
export const DEFAULT_ERA: DockerEra = '20.10'; // the daemon REFERENCE.md was checked against

/** struct{} as the value of Docker's port and volume sets. */
export type GoEmpty = Record<string, never>;

export interface HealthConfig {
  Test?: string[] | null;
  /** Durations are integer nanoseconds. */
  Interval?: GoInt;
  Timeout?: GoInt;
  StartPeriod?: GoInt;
  /** Docker 25+. */
  StartInterval?: GoInt;
  Retries?: GoInt;
}

/** container.Config. Absent properties are Go zero values ("" / false / null). */
export interface ContainerConfig {
  Hostname?: string;
  Domainname?: string;
  User?: string;
  AttachStdin?: boolean;
  AttachStdout?: boolean;
  AttachStderr?: boolean;
  ExposedPorts?: Record<string, GoEmpty> | null;
  Tty?: boolean;
  OpenStdin?: boolean;
  StdinOnce?: boolean;
  Env?: string[] | null;
  Cmd?: string[] | null;
  Healthcheck?: HealthConfig | null;
  ArgsEscaped?: boolean;
  Image?: string;
  Volumes?: Record<string, GoEmpty> | null;
  WorkingDir?: string;
  Entrypoint?: string[] | null;
  NetworkDisabled?: boolean;
  /** Before Docker 29 only. */
  MacAddress?: string;
  OnBuild?: string[] | null;
  Labels?: Record<string, string> | null;
  StopSignal?: string;
  StopTimeout?: GoInt | null;
  Shell?: string[] | null;
}

export interface RootFS {
  type?: string;
  diff_ids?: string[] | null;
}

export interface HistoryEntry {
  /** RFC3339Nano, as Go writes it. */
  created?: string | null;
  author?: string;
  created_by?: string;
  comment?: string;
  empty_layer?: boolean;
}

/** image.Image as stored: property names are the JSON keys. */
export interface ImageConfig {
  id?: string;
  parent?: string;
  comment?: string;
  created?: string | null;
  container?: string;
  container_config?: ContainerConfig;
  docker_version?: string;
  author?: string;
  config?: ContainerConfig | null;
  architecture?: string;
  variant?: string;
  os?: string;
  Size?: GoInt;
  rootfs?: RootFS | null;
  history?: HistoryEntry[] | null;
  'os.version'?: string;
  'os.features'?: string[] | null;
}

const f = (key: string, type: GoType, omitempty = false): GoField => ({ key, type, omitempty });
const strings = sliceOf(goString);

function healthSchema(era: DockerEra): GoType {
  return goStruct('container.HealthConfig', [
    f('Test', strings, true),
    f('Interval', goInt, true),
    f('Timeout', goInt, true),
    f('StartPeriod', goInt, true),
    ...(era === '20.10' ? [] : [f('StartInterval', goInt, true)]),
    f('Retries', goInt, true),
  ]);
}

function containerConfigSchema(era: DockerEra): GoType {
  return goStruct('container.Config', [
    f('Hostname', goString),
    f('Domainname', goString),
    f('User', goString),
    f('AttachStdin', goBool),
    f('AttachStdout', goBool),
    f('AttachStderr', goBool),
    f('ExposedPorts', mapOf(goEmptyStruct), true),
    f('Tty', goBool),
    f('OpenStdin', goBool),
    f('StdinOnce', goBool),
    f('Env', strings),
    f('Cmd', strings),
    f('Healthcheck', ptrTo(healthSchema(era)), true),
    f('ArgsEscaped', goBool, true),
    f('Image', goString),
    f('Volumes', mapOf(goEmptyStruct)),
    f('WorkingDir', goString),
    f('Entrypoint', strings),
    f('NetworkDisabled', goBool, true),
    ...(era === '29.0' ? [] : [f('MacAddress', goString, true)]),
    f('OnBuild', strings, era === '29.0'),
    f('Labels', mapOf(goString)),
    f('StopSignal', goString, true),
    f('StopTimeout', ptrTo(goInt), true),
    f('Shell', strings, true),
  ]);
}

function historySchema(era: DockerEra): GoType {
  if (era === '20.10') {
    return goStruct('image.History', [
      f('created', goTime),
      f('author', goString, true),
      f('created_by', goString, true),
      f('comment', goString, true),
      f('empty_layer', goBool, true),
    ]);
  }
  return goStruct('ocispec.History', [
    f('created', ptrTo(goTime), true),
    f('created_by', goString, true),
    f('author', goString, true),
    f('comment', goString, true),
    f('empty_layer', goBool, true),
  ]);
}

const rootfsSchema = goStruct('image.RootFS', [f('type', goString), f('diff_ids', strings, true)]);

const schemas = new Map<DockerEra, GoType>();

/** The Go type description of image.Image for an era (exported for tests and tools). */
export function imageConfigSchema(era: DockerEra = DEFAULT_ERA): GoType {
  let s = schemas.get(era);
  if (!s) {
    const cc = containerConfigSchema(era);
    // Field order is V1Image's then Image's, but it does not matter: Image.MarshalJSON sorts
    // the top level. Image.Parent shadows V1Image.Parent (same key, shallower wins).
    s = goStruct(
      'image.Image',
      [
        f('id', goString, true),
        f('parent', goString, true),
        f('comment', goString, true),
        f('created', era === '20.10' ? goTime : ptrTo(goTime)),
        f('container', goString, true),
        f('container_config', cc, true),
        f('docker_version', goString, true),
        f('author', goString, true),
        f('config', ptrTo(cc), true),
        f('architecture', goString, true),
        f('variant', goString, true),
        f('os', goString, true),
        f('Size', goInt, true),
        f('rootfs', ptrTo(rootfsSchema), true),
        f('history', sliceOf(historySchema(era)), true),
        f('os.version', goString, true),
        f('os.features', strings, true),
      ],
      true,
    );
    schemas.set(era, s);
  }
  return s;
}

/**
 * image.V1Image, the legacy per-layer config `docker save` writes as <v1 id>/json (fields in struct
 * order). sorted: written as image/v1.CreateID writes it — marshalled, read back into a map, given
 * "layer_id" (and "parent"), marshalled again with sorted keys — whose sha256 is the layer's v1 id.
 */
export function v1ImageSchema(era: DockerEra = DEFAULT_ERA, sorted = false): GoType {
  const cc = containerConfigSchema(era);
  return goStruct(
    'image.V1Image',
    [
      f('id', goString, true),
      f('parent', goString, true),
      f('comment', goString, true),
      f('created', goTime),
      f('container', goString, true),
      f('container_config', cc, true),
      f('docker_version', goString, true),
      f('author', goString, true),
      f('config', ptrTo(cc), true),
      f('architecture', goString, true),
      f('variant', goString, true),
      f('os', goString, true),
      f('Size', goInt, true),
      ...(sorted ? [f('layer_id', goString)] : []),
    ],
    sorted,
  );
}

export function marshalV1Image(
  v: Record<string, unknown>,
  opts: ImageConfigOptions & { sorted?: boolean } = {},
): string {
  const era = opts.era ?? DEFAULT_ERA;
  return marshalGo(v1ImageSchema(era, opts.sorted), v, goOpts(era));
}

export interface ImageConfigOptions {
  era?: DockerEra;
}

function goOpts(era: DockerEra): GoJsonOptions {
  return { shortControlEscapes: era === '29.0' };
}

/**
 * Decode a stored config the way the daemon's json.Unmarshal into image.Image does (unknown keys
 * dropped, keys matched case-insensitively, timestamps normalised). Like image.NewFromJSON it
 * rejects a config without "rootfs".
 */
export function parseImageConfig(bytes: string | Uint8Array, opts: ImageConfigOptions = {}): ImageConfig {
  const cfg = unmarshalGo(imageConfigSchema(opts.era), bytes) as ImageConfig | null | undefined;
  if (!cfg || typeof cfg !== 'object') throw new SyntaxError('image config is not a JSON object');
  if (!cfg.rootfs) throw new SyntaxError('invalid image JSON, no RootFS key');
  return cfg;
}

/** The exact bytes (as a string) Docker of the given era writes for this config. */
export function marshalImageConfig(cfg: ImageConfig, opts: ImageConfigOptions = {}): string {
  const era = opts.era ?? DEFAULT_ERA;
  return marshalGo(imageConfigSchema(era), cfg, goOpts(era));
}

/** UTF-8 bytes of marshalImageConfig, ready to store or hash. */
export function imageConfigBytes(cfg: ImageConfig, opts: ImageConfigOptions = {}): Uint8Array {
  return new TextEncoder().encode(marshalImageConfig(cfg, opts));
}

/** Serialise and hash in one go: the image ID this config gets when Docker writes it. */
export function imageIdOfConfig(cfg: ImageConfig, opts: ImageConfigOptions = {}): Digest {
  return imageId(imageConfigBytes(cfg, opts));
}

/** A container.Config as Go's zero value fills it, for building configs field by field. */
export function emptyContainerConfig(): ContainerConfig {
  return {
    Hostname: '',
    Domainname: '',
    User: '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: null,
    Cmd: null,
    Image: '',
    Volumes: null,
    WorkingDir: '',
    Entrypoint: null,
    OnBuild: null,
    Labels: null,
  };
}

/**
 * A container.Config as a plain object whose keys are in Go's struct order (with omitempty
 * applied), for JSON the daemon writes outside image configs (inspect, config.v2.json).
 */
export function orderedContainerConfig(cfg: ContainerConfig, opts: ImageConfigOptions = {}): Record<string, unknown> {
  const era = opts.era ?? DEFAULT_ERA;
  return JSON.parse(marshalGo(containerConfigSchema(era), cfg, goOpts(era))) as Record<string, unknown>;
}
