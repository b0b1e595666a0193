import type { FieldPath } from "../../core/input/field-path.js";
import type { PriceLine, PriceListEdition } from "../../core/price-list/price-list-lines.js";
import { InputFileError, type InputProblem } from "../../errors.js";
import { describeValue } from "../describe-value.js";
import { isObject } from "../is-object.js";
import { parseJsonText } from "../parse-json-text.js";
import { readTextFile } from "../read-text-file.js";

export interface PriceListRead {
  lines: PriceLine[];
  editions: PriceListEdition[];
}

const DECIMAL = /^\d+(\.\d+)?$/;

class Reader {
  readonly problems: InputProblem[] = [];
  readonly lines: PriceLine[] = [];
  constructor(readonly file: string) {}

  problem(path: FieldPath, message: string): void {
    if (this.problems.length < 20) this.problems.push({ source: this.file, path, message });
  }

  /** One product with its on-demand terms: each price dimension is a line. */
  product(offerCode: string, sku: string, product: unknown, terms: unknown, at: FieldPath, termsAt: FieldPath): void {
    if (!isObject(product) || !isObject(product.attributes)) {
      this.problem(
        [...at, "attributes"],
        `expected the product's attributes, got ${describeValue(isObject(product) ? product.attributes : product)}`,
      );
      return;
    }
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(product.attributes)) if (typeof value === "string") attributes[key] = value;
    if (terms === undefined) return; // a product without an on-demand price (free, or priced elsewhere)
    if (!isObject(terms)) {
      this.problem(termsAt, `expected the product's on-demand terms, got ${describeValue(terms)}`);
      return;
    }
    for (const [termCode, term] of Object.entries(terms)) {
      const termPath = [...termsAt, termCode];
      if (!isObject(term) || !isObject(term.priceDimensions)) {
        this.problem([...termPath, "priceDimensions"], "expected priceDimensions");
        continue;
      }
      for (const [rateCode, dimension] of Object.entries(term.priceDimensions)) {
        const path = [...termPath, "priceDimensions", rateCode];
        if (!isObject(dimension) || !isObject(dimension.pricePerUnit)) {
          this.problem([...path, "pricePerUnit"], "expected pricePerUnit");
          continue;
        }
        const usd = dimension.pricePerUnit.USD;
        if (typeof usd !== "string" || !DECIMAL.test(usd)) {
          this.problem([...path, "pricePerUnit", "USD"], `expected a decimal price such as "0.0080000000", got ${describeValue(usd)}`);
          continue;
        }
        // A tiered price (beginRange above 0) is a volume discount bedrock-cost does not model: the first tier is the price.
        if (dimension.beginRange !== undefined && dimension.beginRange !== "0") continue;
        this.lines.push({
          file: this.file,
          offerCode,
          sku,
          attributes,
          unit: typeof dimension.unit === "string" ? dimension.unit : "",
          usd,
        });
      }
    }
  }
}

function readBulk(doc: Record<string, unknown>, reader: Reader): PriceListEdition {
  const offerCode = typeof doc.offerCode === "string" ? doc.offerCode : "";
  const products = doc.products;
  const terms = isObject(doc.terms) ? doc.terms.OnDemand : undefined;
  if (!isObject(products)) reader.problem(["products"], `expected a map of products, got ${describeValue(products)}`);
  else if (!isObject(terms)) reader.problem(["terms", "OnDemand"], `expected a map of on-demand terms, got ${describeValue(terms)}`);
  else {
    for (const [sku, product] of Object.entries(products)) {
      reader.product(offerCode, sku, product, terms[sku], ["products", sku], ["terms", "OnDemand", sku]);
    }
  }
  return {
    offerCode,
    version: typeof doc.version === "string" ? doc.version : null,
    publicationDate: typeof doc.publicationDate === "string" ? doc.publicationDate : null,
  };
}

function readGetProducts(doc: Record<string, unknown>, reader: Reader): PriceListEdition[] {
  const list = doc.PriceList;
  const editions = new Map<string, PriceListEdition>();
  if (!Array.isArray(list)) {
    reader.problem(["PriceList"], `expected a list, got ${describeValue(list)}`);
    return [];
  }
  list.forEach((element, i) => {
    const at: FieldPath = ["PriceList", i];
    let item: unknown = element;
    if (typeof element === "string") {
      try {
        item = JSON.parse(element);
      } catch {
        reader.problem(at, "not a JSON product (each PriceList element is a JSON string)");
        return;
      }
    }
    if (!isObject(item) || !isObject(item.product)) {
      reader.problem(at, "expected a product with its terms");
      return;
    }
    const offerCode = typeof item.serviceCode === "string" ? item.serviceCode : "";
    const sku = typeof item.product.sku === "string" ? item.product.sku : `PriceList[${i}]`;
    const terms = isObject(item.terms) ? item.terms.OnDemand : undefined;
    // terms.OnDemand maps term codes to terms, as the bulk file's terms.OnDemand[sku] does.
    reader.product(offerCode, sku, item.product, terms, [...at, "product"], [...at, "terms", "OnDemand"]);
    if (!editions.has(offerCode)) {
      editions.set(offerCode, {
        offerCode,
        version: typeof item.version === "string" ? item.version : null,
        publicationDate: typeof item.publicationDate === "string" ? item.publicationDate : null,
      });
    }
  });
  return [...editions.values()];
}

/**
 * The AWS Price List for Bedrock, from bulk offer files (AmazonBedrock, AmazonBedrockFoundationModels)
 * or pages of `aws pricing get-products` output, as one line per on-demand price dimension.
 */
export function readPriceList(files: readonly string[]): PriceListRead {
  const problems: InputProblem[] = [];
  const read: PriceListRead = { lines: [], editions: [] };
  for (const file of files) {
    const reader = new Reader(file);
    let doc: unknown;
    try {
      doc = parseJsonText(file, readTextFile(file));
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error;
      problems.push(...error.problems);
      continue;
    }
    if (isObject(doc) && "products" in doc && "terms" in doc) read.editions.push(readBulk(doc, reader));
    else if (isObject(doc) && "PriceList" in doc) for (const edition of readGetProducts(doc, reader)) read.editions.push(edition);
    else {
      problems.push({
        source: file,
        message: "expected an AWS Price List offer file (products and terms) or aws pricing get-products output (PriceList)",
      });
      continue;
    }
    problems.push(...reader.problems);
    // A loop, not push(...): an offer file has as many lines as an argument list can hold, and more.
    for (const line of reader.lines) read.lines.push(line);
  }
  if (problems.length > 0) throw new InputFileError(problems);
  return read;
}
