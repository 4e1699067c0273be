// The build defines __OVERLAY_TUTOR_VERSION__ from package.json; tests and tsx runs fall back.
declare const __OVERLAY_TUTOR_VERSION__: string | undefined;

export const VERSION: string = typeof __OVERLAY_TUTOR_VERSION__ === 'string' ? __OVERLAY_TUTOR_VERSION__ : '0.0.0-dev';
