// What an overlay mount works with and what /proc/mounts shows of its options beyond the layers
// (ovl_show_options): both changed between 5.15 and the kernels after 6.5, as release.ts records.
import type { KernelFeatures } from './release.js';

export type RedirectMode = 'on' | 'follow' | 'nofollow';

export interface OverlayMountState {
  /** redirect_dir= as given to mount(8); absent, the module's default. */
  redirectDir: RedirectMode | 'off' | undefined;
  /** The upper layer's root before the mount, when the mount has one: does it carry a
   * trusted.overlay.uuid, is it marked impure (an old overlay's upper)? */
  upper: { uuid: boolean; impure: boolean } | undefined;
}

/**
 * The redirect mode the mount follows and the options /proc/mounts adds (`,redirect_dir=on`,
 * `,uuid=on`), for a module built as Ubuntu's and Debian's are: redirect_dir off by default,
 * redirect_always_follow on (so `off` still follows), index, xino and metacopy off.
 *
 * redirect_dir: from 6.5 (params.c) a mode, a mount without upper turning follow into on
 * (ovl_fs_params_verify), shown when it is not follow. Before (5.15's super.c) the string given is
 * kept and shown when it is not the default string, "off".
 *
 * uuid: from 6.6 (uuid=auto) an upper without a trusted.overlay.uuid gets one at mount time and
 * only then does /proc/mounts show uuid=on — so Docker's second mount of a container layer (start,
 * after create) shows none; an upper marked impure without a uuid is an old overlay's: uuid=null.
 * Before 6.6 uuid was on unless uuid=off, and never shown as on.
 */
export function overlayMountOptions(
  features: Pick<KernelFeatures, 'overlayRedirectModes' | 'overlayUuidXattr'>,
  state: OverlayMountState,
): { redirectDir: RedirectMode; shown: string } {
  const given = state.redirectDir;
  let redirectDir: RedirectMode = given === undefined || given === 'off' ? 'follow' : given;
  let shown = '';
  if (!features.overlayRedirectModes) {
    if (given !== undefined && given !== 'off') shown += `,redirect_dir=${given}`;
  } else {
    if (!state.upper && redirectDir === 'follow') redirectDir = 'on';
    if (redirectDir !== 'follow') shown += `,redirect_dir=${redirectDir}`;
  }
  if (state.upper && !state.upper.uuid && features.overlayUuidXattr)
    shown += state.upper.impure ? ',uuid=null' : ',uuid=on';
  return { redirectDir, shown };
}
