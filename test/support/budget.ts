// The budget's wall-clock limits (src/kernel/budget.ts) are for the learner's screen: no stretch
// of work may keep it from Ctrl-C for more than a fraction of a second. Unit tests share two busy
// cores with each other and would meet those limits by chance, so they run with a roomier slice;
// tests of the budget itself, the fuzz suite and the e2e tests of the bin set their own limits.
import { DEFAULT_BUDGET } from '../../src/kernel/index.js';

DEFAULT_BUDGET.sliceMs = 10_000;
DEFAULT_BUDGET.ms = 60_000;
