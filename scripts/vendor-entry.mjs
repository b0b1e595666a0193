// The libraries the YAML readers use, bundled into dist/vendor.cjs so that they load through V8's
// code cache like the CLI itself (see scripts/build.mjs). Only the parts of zod the readers call are
// named here, so that the bundle leaves out what they never load (its 40-odd locales above all).
import * as yaml from "yaml";
import { array, boolean, config, enum as enumOf, literal, NEVER, number, record, strictObject, string, union, unknown } from "zod";

config({ jitless: true });

export { yaml };
export const zod = { z: { array, boolean, enum: enumOf, literal, NEVER, number, record, string, strictObject, union, unknown } };
