import bundled from '../../data/prices.json' with { type: 'json' };
import type { Dataset } from '../core/types.js';

/**
 * The dataset that ships with the tool. It is not re-validated at every start (issue #6): the
 * build and the test suite both run it through DatasetSchema, and start-up stays free of zod.
 */
export const bundledDataset = bundled as Dataset;
