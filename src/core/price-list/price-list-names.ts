/**
 * Price List model names seen in AWS's own price data (the `model` or `titanModel` attribute of
 * AmazonBedrock and the `servicename` of AmazonBedrockFoundationModels, without " (Amazon Bedrock
 * Edition)") whose Bedrock model id is certain. Names not here are matched against the bundled models' names and
 * aliases; a user's --names file comes before both.
 */
export const PRICE_LIST_NAMES: Readonly<Record<string, string>> = {
  "Claude 2.0": "anthropic.claude-v2",
  "Claude 2.1": "anthropic.claude-v2:1",
  "Claude Instant": "anthropic.claude-instant-v1",
  "Claude Instant (100K)": "anthropic.claude-instant-v1",
  "Claude 3 Haiku": "anthropic.claude-3-haiku-20240307-v1:0",
  "Claude 3 Sonnet": "anthropic.claude-3-sonnet-20240229-v1:0",
  "Claude 3 Opus": "anthropic.claude-3-opus-20240229-v1:0",
  "Claude Opus 4": "anthropic.claude-opus-4-20250514-v1:0",
  "Claude Sonnet 4.6": "anthropic.claude-sonnet-4-6",
  "Cohere Generate Model - Command": "cohere.command-text-v14",
  "Cohere Generate Model - Command Light": "cohere.command-light-text-v14",
  // Titan, as `titanModel` and the usage types spell it ("Titan Text G1 - Express", "TitanTextG1-Express").
  "Titan Text G1 - Express": "amazon.titan-text-express-v1",
  "Titan Text G1 Express": "amazon.titan-text-express-v1",
  "Titan Text G1 - Lite": "amazon.titan-text-lite-v1",
  "Titan Text G1 Lite": "amazon.titan-text-lite-v1",
  "Titan Text G1 - Premier": "amazon.titan-text-premier-v1:0",
  "Titan Embeddings G1 - Text": "amazon.titan-embed-text-v1",
  "Titan Text Embeddings": "amazon.titan-embed-text-v1",
  "Titan Text Embeddings G1": "amazon.titan-embed-text-v1",
  "Llama 3.1 405B": "meta.llama3-1-405b-instruct-v1:0",
  "Meta Llama 2 Chat 70B": "meta.llama2-70b-chat-v1",
  "Jamba 1.5 Large": "ai21.jamba-1-5-large-v1:0",
  "Palmyra X5": "writer.palmyra-x5-v1:0",
};

const PROVIDERS: Readonly<Record<string, string>> = {
  anthropic: "Anthropic",
  amazon: "Amazon",
  meta: "Meta",
  mistral: "Mistral AI",
  cohere: "Cohere",
  ai21: "AI21 Labs",
  deepseek: "DeepSeek",
  openai: "OpenAI",
  writer: "Writer",
  qwen: "Qwen",
  google: "Google",
};

/** The provider a Bedrock model id names: "anthropic.claude-v2" → "Anthropic". */
export function providerOfId(id: string): string {
  const prefix = id.replace(/^(global|us|eu|apac|jp|au|ca|us-gov)\./, "").split(".")[0] ?? id;
  return PROVIDERS[prefix] ?? prefix;
}

/**
 * Titan products of the AmazonBedrock offer that carry no model name (or the offer's own, "Amazon
 * Bedrock") are named by their usage type: `USE1-TitanTextG1-Express-input-tokens`.
 */
export const TITAN_USAGE_NAMES: readonly [string, string][] = [
  ["titantextg1-express", "Titan Text G1 - Express"],
  ["titantextexpress", "Titan Text G1 - Express"],
  ["titantextg1-lite", "Titan Text G1 - Lite"],
  ["titantextlite", "Titan Text G1 - Lite"],
  ["titantext-premier", "Titan Text Premier"],
  ["titantextpremier", "Titan Text Premier"],
  ["titanembeddingsg1-text", "Titan Embeddings G1 - Text"],
  ["titanembeddingv2-text", "Titan Text Embeddings V2"],
];
