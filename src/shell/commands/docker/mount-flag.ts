// The CLI's --mount and --tmpfs values (docker/cli opts/mount.go MountOpt.Set, 20.10; --tmpfs's
// DEST[:OPTIONS]): the spec the daemon receives as HostConfig.Mounts / HostConfig.Tmpfs. A
// --mount value that does not parse is refused by the flag itself, in pflag's words around
// MountOpt's own ("invalid argument … for "--mount" flag: target is required").
import type { MountSpec } from '../../../docker/engine/index.js';

/** encoding/csv's reading of one record: fields split on commas, "quoted" fields unquoted. */
function csvFields(value: string): string[] | string {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (value[i] === '"') {
      i++;
      for (;;) {
        if (i >= value.length)
          return `parse error on line 1, column ${value.length + 1}: extraneous or missing " in quoted-field`;
        if (value[i] === '"') {
          if (value[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += value[i++];
      }
      if (i < value.length && value[i] !== ',')
        return `parse error on line 1, column ${i + 1}: extraneous or missing " in quoted-field`;
    } else {
      const end = value.indexOf(',', i);
      field = value.slice(i, end < 0 ? value.length : end);
      if (field.includes('"'))
        return `parse error on line 1, column ${i + field.indexOf('"') + 1}: bare " in non-quoted-field`;
      i = end < 0 ? value.length : end;
    }
    out.push(field);
    if (i >= value.length) return out;
    i++; // the comma
  }
}

/** strconv.ParseBool. */
export function parseBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}

/** go-units RAMInBytes: a number with an optional binary unit (k, m, g, t, p; "b" and "i" allowed). */
export function ramInBytes(v: string): number | undefined {
  const m = /^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/.exec(v);
  if (!m) return undefined;
  const power = ' kmgtp'.indexOf((m[2] ?? ' ').toLowerCase());
  return Math.floor(Number.parseFloat(m[1] as string) * 1024 ** power);
}

/** MountOpt.Set: the spec, or the error text after "for "--mount" flag: ". */
export function parseMountFlag(value: string): MountSpec | string {
  const fields = csvFields(value);
  if (typeof fields === 'string') return fields;
  let type = 'volume';
  let source: string | undefined;
  let target: string | undefined;
  let readOnly = false;
  let bind: MountSpec['BindOptions'];
  let volume: NonNullable<MountSpec['VolumeOptions']> | undefined;
  let tmpfs: MountSpec['TmpfsOptions'];
  const volumeOptions = (): NonNullable<MountSpec['VolumeOptions']> => {
    volume ??= { Labels: {}, DriverConfig: {} };
    return volume;
  };
  const setOnMap = (map: Record<string, string>, v: string): void => {
    const at = v.indexOf('=');
    if (at < 0) map[v] = '';
    else map[v.slice(0, at)] = v.slice(at + 1);
  };
  for (const field of fields) {
    const at = field.indexOf('=');
    const key = (at < 0 ? field : field.slice(0, at)).toLowerCase();
    if (at < 0) {
      if (key === 'readonly' || key === 'ro') {
        readOnly = true;
        continue;
      }
      if (key === 'volume-nocopy') {
        volumeOptions().NoCopy = true;
        continue;
      }
      if (key === 'bind-nonrecursive') {
        bind = { ...bind, NonRecursive: true };
        continue;
      }
      return `invalid field '${field}' must be a key=value pair`;
    }
    const v = field.slice(at + 1);
    const badValue = `invalid value for ${key}: ${v}`;
    switch (key) {
      case 'type':
        type = v.toLowerCase();
        break;
      case 'source':
      case 'src':
        source = v;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        target = v;
        break;
      case 'readonly':
      case 'ro': {
        const b = parseBool(v);
        if (b === undefined) return badValue;
        readOnly = b;
        break;
      }
      case 'bind-propagation':
        bind = { ...bind, Propagation: v.toLowerCase() };
        break;
      case 'bind-nonrecursive': {
        const b = parseBool(v);
        if (b === undefined) return badValue;
        bind = { ...bind, NonRecursive: b };
        break;
      }
      case 'volume-nocopy': {
        const b = parseBool(v);
        if (b === undefined) return `invalid value for volume-nocopy: ${v}`;
        volumeOptions().NoCopy = b;
        break;
      }
      case 'volume-label':
        setOnMap(volumeOptions().Labels as Record<string, string>, v);
        break;
      case 'volume-driver':
        (volumeOptions().DriverConfig as { Name?: string }).Name = v;
        break;
      case 'volume-opt': {
        const d = volumeOptions().DriverConfig as { Options?: Record<string, string> };
        d.Options ??= {};
        setOnMap(d.Options, v);
        break;
      }
      case 'tmpfs-size': {
        const n = ramInBytes(v);
        if (n === undefined) return badValue;
        tmpfs = { ...tmpfs, SizeBytes: n };
        break;
      }
      case 'tmpfs-mode': {
        if (!/^[0-7]+$/.test(v) || Number.parseInt(v, 8) > 0xffffffff) return badValue;
        tmpfs = { ...tmpfs, Mode: Number.parseInt(v, 8) };
        break;
      }
      default:
        return `unexpected key '${key}' in '${field}'`;
    }
  }
  if (type === '') return 'type is required';
  if (!target) return 'target is required';
  if (volume && type !== 'volume') return `cannot mix 'volume-*' options with mount type '${type}'`;
  if (bind && type !== 'bind') return `cannot mix 'bind-*' options with mount type '${type}'`;
  if (tmpfs && type !== 'tmpfs') return `cannot mix 'tmpfs-*' options with mount type '${type}'`;
  // mount.Mount's JSON field order; empty fields are left out (omitempty).
  const spec: MountSpec = { Type: type };
  if (source) spec.Source = source;
  spec.Target = target;
  if (readOnly) spec.ReadOnly = true;
  if (bind) spec.BindOptions = bind;
  if (volume) {
    const labels = volume.Labels && Object.keys(volume.Labels).length ? volume.Labels : undefined;
    spec.VolumeOptions = {
      ...(volume.NoCopy ? { NoCopy: true } : {}),
      ...(labels ? { Labels: labels } : {}),
      DriverConfig: volume.DriverConfig ?? {},
    };
  }
  if (tmpfs) spec.TmpfsOptions = tmpfs;
  return spec;
}

/** --tmpfs DEST[:OPTIONS] values as HostConfig.Tmpfs (a later one for a DEST wins); null for none. */
export function tmpfsFlags(values: readonly string[]): Record<string, string> | null {
  if (!values.length) return null;
  const out: Record<string, string> = {};
  for (const v of values) {
    const at = v.indexOf(':');
    out[at < 0 ? v : v.slice(0, at)] = at < 0 ? '' : v.slice(at + 1);
  }
  return out;
}
