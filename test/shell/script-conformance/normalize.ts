// The normaliser lives in the product now (replay --real uses it): the conformance suite uses the same one.
export { normalizeTranscript } from '../../../src/real/normalize.js';
