// How the docker CLI drives templates: `--format` for list commands (ps, images, history) through
// its formatter.Context (the `table` directive, header row, tabwriter 10/1/3), and `docker inspect
// --format` with its typed pass and raw-JSON fallback (missingkey=error), so error texts match.

import {
  GoTemplate,
  GoTemplateError,
  goMap,
  goStruct,
  goSlice,
  goTypeOf,
  type DockerCliEra,
  type GoFunc,
  type GoTemplateResult,
} from './index.js';
import { dockerHeaderFuncs } from './dockerfuncs.js';
import { goNil } from './value.js';
import { marshalJson } from './json.js';
import { DOCKER_TABWRITER, tabwrite } from './tabwriter.js';

export { displayWidth, tabwrite, DOCKER_TABWRITER, type TabwriterOptions } from './tabwriter.js';

/** formatter.Format.IsTable: the format starts with "table". */
export function isTableFormat(format: string): boolean {
  return format.startsWith('table');
}

/**
 * formatter.Format.templateString: "json" becomes {{json .}}, a "table" prefix is dropped, spaces
 * (not other whitespace) are trimmed, and the two-character sequences \t and \n become a tab and a
 * newline. (docker inspect does none of this: its format is used as typed.)
 */
export function dockerTemplateString(format: string): string {
  if (format === 'table') return '';
  if (format === 'json') return '{{json .}}';
  let out = isTableFormat(format) ? format.slice('table'.length) : format;
  out = out.replace(/^ +| +$/g, '');
  return out.replace(/\\t|\\n/g, (m) => (m === '\\t' ? '\t' : '\n'));
}

export interface DockerListKind {
  /** The Go type of each row, shown in errors: "*formatter.ContainerContext" etc. */
  rowType: string;
  /** The header context (SubHeaderContext): field name to column title. */
  header: Readonly<Record<string, string>>;
  /** The format used for `--format table` or no --format. */
  defaultTable: string;
}

/** Header names and default formats from docker/cli (cli/command/formatter, cli/command/image). */
export const DOCKER_LISTS = {
  ps: {
    rowType: '*formatter.ContainerContext',
    defaultTable: 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}',
    header: {
      ID: 'CONTAINER ID',
      Names: 'NAMES',
      Image: 'IMAGE',
      Command: 'COMMAND',
      CreatedAt: 'CREATED AT',
      RunningFor: 'CREATED',
      Ports: 'PORTS',
      State: 'STATE',
      Status: 'STATUS',
      Size: 'SIZE',
      Labels: 'LABELS',
      Mounts: 'MOUNTS',
      LocalVolumes: 'LOCAL VOLUMES',
      Networks: 'NETWORKS',
      Platform: 'PLATFORM',
      HealthStatus: 'HEALTH STATUS',
    },
  },
  images: {
    rowType: '*formatter.imageContext',
    defaultTable:
      'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}',
    header: {
      ID: 'IMAGE ID',
      Repository: 'REPOSITORY',
      Tag: 'TAG',
      Digest: 'DIGEST',
      CreatedSince: 'CREATED',
      CreatedAt: 'CREATED AT',
      Size: 'SIZE',
      Containers: 'CONTAINERS',
      SharedSize: 'SHARED SIZE',
      UniqueSize: 'UNIQUE SIZE',
    },
  },
  history: {
    rowType: '*image.historyContext',
    defaultTable: 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}',
    header: {
      ID: 'IMAGE',
      CreatedSince: 'CREATED',
      CreatedAt: 'CREATED AT',
      CreatedBy: 'CREATED BY',
      Size: 'SIZE',
      Comment: 'COMMENT',
    },
  },
  volumes: {
    rowType: '*formatter.volumeContext',
    defaultTable: 'table {{.Driver}}\t{{.Name}}',
    header: {
      Name: 'VOLUME NAME',
      Driver: 'DRIVER',
      Scope: 'SCOPE',
      Mountpoint: 'MOUNTPOINT',
      Labels: 'LABELS',
      Links: 'LINKS',
      Size: 'SIZE',
    },
  },
  stats: {
    rowType: '*formatter.containerStatsContext',
    defaultTable:
      'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}',
    header: {
      Container: 'CONTAINER',
      ID: 'CONTAINER ID',
      Name: 'NAME',
      CPUPerc: 'CPU %',
      MemUsage: 'MEM USAGE / LIMIT',
      MemPerc: 'MEM %',
      NetIO: 'NET I/O',
      BlockIO: 'BLOCK I/O',
      PIDs: 'PIDS',
    },
  },
  networks: {
    rowType: '*formatter.networkContext',
    defaultTable: 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}',
    header: {
      ID: 'NETWORK ID',
      Name: 'NAME',
      Driver: 'DRIVER',
      Scope: 'SCOPE',
      IPv6: 'IPV6',
      Internal: 'INTERNAL',
      Labels: 'LABELS',
      CreatedAt: 'CREATED AT',
    },
  },
  systemDf: {
    rowType: '*formatter.diskUsageImagesContext',
    defaultTable: 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}',
    header: { Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' },
  },
} as const satisfies Record<string, DockerListKind>;

/** SubHeaderContext.Label: the last dot-separated part of a label name, - and _ as spaces. */
const headerLabel: GoFunc = {
  params: ['string'],
  fn: (name: string) => (name.split('.').pop() ?? '').replace(/[-_]/g, ' '),
};

export interface DockerListResult {
  /** What docker writes to stdout ('' when it fails). */
  output: string;
  /** Set when docker fails: its message is the text docker prints. */
  error?: GoTemplateError;
}

/**
 * Render rows as `docker ps/images/history --format FORMAT` does (formatter.Context.Write).
 * Untagged plain-object rows are treated as the command's row struct (`rowType`), with `json`
 * printing them as sorted maps as docker's MarshalJSON does; tag rows with goStruct to add methods
 * such as ps's `.Label "key"`. An empty format means the default table.
 */
export function formatDockerList(
  format: string,
  rows: readonly object[],
  kind: DockerListKind,
  docker: DockerCliEra = 'latest',
): DockerListResult {
  const source = format === '' || format === 'table' ? kind.defaultTable : format;
  const parsed = GoTemplate.parse(dockerTemplateString(source), { docker });
  if (!parsed.ok) return { output: '', error: parsed.error };
  const tmpl = parsed.template;
  let body = '';
  for (const row of rows) {
    const data = goTypeOf(row).kind === 'struct' ? row : goStruct(kind.rowType, { ...row }, { jsonAsMap: true });
    const res = tmpl.execute(data);
    if (!res.ok) return { output: '', error: res.error };
    body += res.output + '\n';
  }
  if (!isTableFormat(source)) return { output: body };
  // The header: the same template run on the header names with the header functions; its errors are ignored.
  const header = goMap({ ...kind.header }, 'string', 'formatter.SubHeaderContext', { Label: headerLabel });
  const head = tmpl.execute(header, { funcs: dockerHeaderFuncs() }).output;
  return { output: tabwrite(head + '\n' + body, DOCKER_TABWRITER) };
}

/** Fields of docker's inspect structs that are Go maps (keys are data, not struct fields). */
export const DOCKER_MAP_FIELDS: readonly string[] = [
  'Labels',
  'GraphDriver.Data',
  'Networks',
  'Ports',
  'ExposedPorts',
  'Volumes',
  'Options',
  'DriverOpts',
  'Annotations',
  'Sysctls',
  'StorageOpt',
  'Tmpfs',
  'LogConfig.Config',
  'PortBindings',
  'Containers',
];

/** Fields of docker's inspect structs that are Go slices: null in the JSON is a nil slice (`[]`). */
export const DOCKER_SLICE_FIELDS: readonly string[] = [
  'Cmd',
  'Entrypoint',
  'OnBuild',
  'Env',
  'Shell',
  'RepoTags',
  'RepoDigests',
  'Args',
  'Binds',
  'CapAdd',
  'CapDrop',
  'Dns',
  'DnsOptions',
  'DnsSearch',
  'ExtraHosts',
  'GroupAdd',
  'Links',
  'SecurityOpt',
  'VolumesFrom',
  'Devices',
  'DeviceCgroupRules',
  'DeviceRequests',
  'Ulimits',
  'BlkioWeightDevice',
  'BlkioDeviceReadBps',
  'BlkioDeviceWriteBps',
  'BlkioDeviceReadIOps',
  'BlkioDeviceWriteIOps',
  'Mounts',
  'Layers',
  'Aliases',
];

/** Map fields whose values are strings (map[string]string): a missing `index` key gives "". */
const STRING_MAPS = new Set(['Labels', 'GraphDriver.Data', 'Options', 'DriverOpts', 'Annotations', 'Sysctls', 'Tmpfs']);

/** A field whose JSON is left out when empty (omitempty) but that the CLI's typed struct still has:
 * [name, zero value (or a function making it), Go type of a nil pointer]. {{json .HostConfig.Mounts}}
 * is null, {{.SizeRw}} without --size is <nil>, {{.Variant}} is empty — not a missing key. */
type Omitted = readonly [string, unknown, string?];

/** container.Config (an image's Config and ContainerConfig, a container's Config). */
const CONFIG_OMITS: readonly Omitted[] = [
  ['ExposedPorts', null],
  ['Healthcheck', null, '*container.HealthConfig'],
  ['ArgsEscaped', false],
  ['NetworkDisabled', false],
  ['MacAddress', ''],
  ['StopSignal', ''],
  ['StopTimeout', null, '*int'],
  ['Shell', null],
];

/** By path ('' is the element itself, told apart by the fields only its kind has). */
const OMITTED_FIELDS: Record<string, readonly Omitted[]> = {
  // types.ImageInspect
  'image:': [
    ['Variant', ''],
    ['OsVersion', ''],
  ],
  // types.ContainerJSON: the sizes are there only with --size.
  'container:': [
    ['Node', null, '*types.ContainerNode'],
    ['SizeRw', null, '*int64'],
    ['SizeRootFs', null, '*int64'],
  ],
  // types.Volume
  'volume:': [
    ['CreatedAt', ''],
    ['Status', () => goNil('map', 'interface')],
    ['UsageData', null, '*types.VolumeUsageData'],
  ],
  Config: CONFIG_OMITS,
  ContainerConfig: CONFIG_OMITS,
  HostConfig: [
    ['Tmpfs', null],
    ['Mounts', null],
    ['Init', null, '*bool'],
  ],
  State: [['Health', null, '*types.Health']],
  RootFS: [['BaseLayer', '']],
};

/** Fields whose JSON is left out when empty (omitempty), by struct path: types.MountPoint's Name
 * and Driver (a bind or tmpfs mount has neither), network.IPAMConfig's all four. */
const OMIT_EMPTY: Record<string, ReadonlySet<string>> = {
  Mounts: new Set(['Name', 'Driver']),
  'IPAM.Config': new Set(['Subnet', 'IPRange', 'Gateway', 'AuxiliaryAddresses']),
};

/** The kind of inspect element at the top (for OMITTED_FIELDS), by fields only it has. */
function rootKind(v: object): string {
  if ('RootFS' in v) return 'image:';
  if ('State' in v && 'HostConfig' in v) return 'container:';
  if ('Mountpoint' in v) return 'volume:';
  return '';
}

/** Structs whose JSON omits empty fields, by path: their fields in Go's order with zero values. */
const STRUCT_FIELDS: Record<string, ReadonlyArray<readonly [string, unknown]>> = {
  // types.MountPoint: a bind mount has no Name or Driver in the JSON.
  Mounts: [
    ['Type', ''],
    ['Name', ''],
    ['Source', ''],
    ['Destination', ''],
    ['Driver', ''],
    ['Mode', ''],
    ['RW', false],
    ['Propagation', ''],
  ],
  // network.IPAMConfig: the default bridge's has a Subnet alone.
  'IPAM.Config': [
    ['Subnet', ''],
    ['IPRange', ''],
    ['Gateway', ''],
    ['AuxiliaryAddresses', null],
  ],
};

/** Fields of type time.Time (the rest of docker's times are RFC 3339 strings in Go too). */
const DOCKER_TIME_FIELDS: readonly string[] = ['Metadata.LastTagTime'];

const matches = (path: string, fields: readonly string[]): string | undefined =>
  fields.find((f) => path === f || path.endsWith(`.${f}`));

/** Go's time.Time String(): `2006-01-02 15:04:05.999999999 -0700 MST` from an RFC 3339 text. */
export function goTimeText(rfc3339: string): string {
  const m = /^(\d{4,}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(rfc3339);
  if (!m) return rfc3339;
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const zone = m[4] === 'Z' ? '+0000 UTC' : `${m[4]!.replace(':', '')} ${m[4]!.replace(':', '')}`;
  return `${m[1]} ${m[2]}${frac ? `.${frac}` : ''} ${zone}`;
}

function goTime(rfc3339: string): object {
  return goStruct(
    'time.Time',
    {},
    {
      methods: { String: { params: [], fn: () => goTimeText(rfc3339) } },
      marshalJson: () => JSON.stringify(rfc3339),
    },
  );
}

/**
 * A typed view of inspect JSON: objects become Go structs, except those at map fields (matched on
 * the end of their dotted path), which become map[string]string when every value is a string;
 * arrays of strings become []string. The input is not modified.
 */
export function dockerTypedView(
  value: unknown,
  typeName = 'types.InspectResponse',
  mapFields: readonly string[] = DOCKER_MAP_FIELDS,
): unknown {
  const walk = (v: unknown, path: string, name: string): unknown => {
    if (Array.isArray(v)) {
      const items = v.map((x) => walk(x, path, 'struct'));
      return items.every((x) => typeof x === 'string')
        ? goSlice(items, 'string')
        : goSlice(items, 'interface', `[]${name}`);
    }
    if (v === null) {
      // The CLI renders its typed structs: a nil slice or map prints [] or map[], not <nil>.
      if (matches(path, DOCKER_SLICE_FIELDS)) return goNil('slice');
      const map = matches(path, mapFields);
      if (map) return goNil('map', STRING_MAPS.has(map) ? 'string' : 'interface');
      return v;
    }
    if (typeof v === 'string' && matches(path, DOCKER_TIME_FIELDS)) return goTime(v);
    if (typeof v !== 'object') return v;
    const isMap = mapFields.some((f) => path === f || path.endsWith('.' + f));
    const out: Record<string, unknown> = {};
    // A struct whose JSON leaves out empty fields (omitempty) still has them, in field order.
    const fields = isMap ? undefined : STRUCT_FIELDS[path];
    for (const [k, zero] of fields ?? []) out[k] = (v as Record<string, unknown>)[k] ?? zero;
    for (const [k, x] of Object.entries(v)) out[k] = walk(x, isMap ? `${path}[]` : path ? `${path}.${k}` : k, k);
    if (isMap) return goMap(out, Object.values(out).every((x) => typeof x === 'string') ? 'string' : 'interface');
    const omits = OMIT_EMPTY[path];
    if (omits) {
      const shown = Object.entries(out).filter(([k, x]) => !(omits.has(k) && (x === '' || x === null)));
      return goStruct(name, out, { marshalJson: () => marshalJson(goStruct(name, Object.fromEntries(shown)), false) });
    }
    const omitted = (OMITTED_FIELDS[path === '' ? rootKind(v) : path] ?? []).filter(([k]) => !(k in out));
    if (omitted.length === 0) return goStruct(name, out);
    // json marshals what the daemon sent (the added fields are empty, so omitempty leaves them out).
    const shown = goStruct(name, { ...out });
    const fieldTypes: Record<string, string> = {};
    for (const [k, zero, type] of omitted) {
      out[k] = typeof zero === 'function' ? zero() : walk(zero, path ? `${path}.${k}` : k, k);
      if (type) fieldTypes[k] = type;
    }
    return goStruct(name, out, { fieldTypes, marshalJson: () => marshalJson(shown, false) });
  };
  return walk(value, '', typeName);
}

export interface DockerInspectResult {
  output: string;
  error?: GoTemplateError;
  /** docker's exit status: 0, 1 (an element failed) or 64 (the format does not parse). */
  exitCode: 0 | 1 | 64;
}

/**
 * `docker inspect --format FORMAT` over elements (their inspect JSON as plain data). Like the CLI,
 * each element is first rendered from its typed form (see dockerTypedView) and, if that fails, from
 * the raw JSON with missingkey=error; an element that fails both contributes its error, the others
 * their output. Pass `options.typed` to supply your own typed views.
 */
export function formatDockerInspect(
  format: string,
  elements: readonly unknown[],
  options: { docker?: DockerCliEra; typed?: readonly unknown[] } = {},
): DockerInspectResult {
  const { typed } = options;
  const parsed = GoTemplate.parse(format, { docker: options.docker ?? 'latest' });
  if (!parsed.ok) return { output: '', error: parsed.error, exitCode: 64 };
  const tmpl = parsed.template;
  let out = '';
  const errors: string[] = [];
  elements.forEach((raw, i) => {
    const first = tmpl.execute(typed ? typed[i] : dockerTypedView(raw));
    const res: GoTemplateResult = first.ok ? first : tmpl.execute(raw, { missingKey: 'error' });
    if (res.ok) out += res.output + '\n';
    else errors.push(res.error.goMessage);
  });
  if (out === '') out = '\n';
  if (errors.length === 0) return { output: out, exitCode: 0 };
  const error = new GoTemplateError('exec', errors.join('\ntemplate parsing error: '));
  return { output: out, error, exitCode: 1 };
}
