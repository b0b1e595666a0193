import { FORMATS } from "./formats.js";
import { fuzzSuite } from "./harness.js";

// A fixed seed (harness.ts): a failure names its case, which replays exactly.
fuzzSuite("JSON from Terraform and the AWS Price List", [FORMATS.terraform, FORMATS.priceListBulk, FORMATS.getProducts]);
