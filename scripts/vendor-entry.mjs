// The libraries the YAML readers use, bundled into dist/vendor.cjs so that they load through V8's
// code cache like the CLI itself (see scripts/build.mjs). Only the parts of zod the readers call are
// named here, so that the bundle leaves out what they never load (its 40-odd locales above all).
import * as yaml from "yaml";
import {
  _default,
  array,
  boolean,
  config,
  enum as enumOf,
  extend,
  int,
  literal,
  maximum,
  minimum,
  minLength,
  NEVER,
  number,
  optional,
  pipe,
  positive,
  record,
  refine,
  regex,
  strictObject,
  string,
  transform,
  union,
  unknown,
} from "zod/mini";
import en from "zod/v4/locales/en.js";

// zod/mini loads no locale: English messages, as zod's classic API sets, for the few fields whose
// schema gives none of its own.
config({ ...en(), jitless: true });

export { yaml };
export const zod = {
  z: {
    _default,
    array,
    boolean,
    enum: enumOf,
    extend,
    int,
    literal,
    maximum,
    minimum,
    minLength,
    NEVER,
    number,
    optional,
    pipe,
    positive,
    record,
    refine,
    regex,
    string,
    strictObject,
    transform,
    union,
    unknown,
  },
};
