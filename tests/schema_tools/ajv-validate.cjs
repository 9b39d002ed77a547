// Validate JSON documents with ajv, as editors built on it would.
// Usage: node ajv-validate.cjs AJV_DIR SCHEMA.json DOCUMENT.json...
// Prints "valid" or "invalid" for each document, one per line; exits 2 when
// the schema itself cannot be compiled.
"use strict";
const path = require("path");
const [ajvDir, schemaPath, ...documents] = process.argv.slice(2);
const schema = require(path.resolve(schemaPath));
const newest = schema.$schema.includes("2020-12");
const ajvPath = path.resolve(ajvDir);
const Ajv = require(newest ? path.join(ajvPath, "dist", "2020") : ajvPath).default;
let validate;
try {
  validate = new Ajv({ strict: true, allErrors: true }).compile(schema);
} catch (error) {
  console.error(String(error));
  process.exit(2);
}
for (const document of documents) {
  console.log(validate(require(path.resolve(document))) ? "valid" : "invalid");
}
