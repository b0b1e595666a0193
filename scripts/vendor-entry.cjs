// The libraries the YAML readers use, bundled into dist/vendor.cjs so that they load through V8's
// code cache like the CLI itself (see scripts/build.mjs).
module.exports = { yaml: require("yaml"), zod: require("zod") };
