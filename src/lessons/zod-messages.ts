// zod's English messages for the lesson and progress schemas, which use zod/mini: a bundle takes
// zod/mini's functions one by one, where zod's chained API brings all of zod and its 40 locales
// along (450 KB of the simulator's 1.46 MB of code). zod/mini has no messages until configured.
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());
