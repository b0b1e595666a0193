/** A path into a user's file, such as `["models", 3, "onDemand", "inputPerMTok"]`. */
export type FieldPath = readonly (string | number)[];
