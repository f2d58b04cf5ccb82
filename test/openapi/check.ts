/**
 * Validation of generated documents: @apidevtools/swagger-parser (OpenAPI 3.1 schema + every `$ref`
 * resolved), plus the structural rules it does not check inside schema objects.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenApiDocument, SchemaObject } from '../../src/openapi/index.js';

type ParserInput = Parameters<typeof SwaggerParser.validate>[0];

const COMPONENT_KEY = /^[a-zA-Z0-9.\-_]+$/;
const TYPES = new Set(['string', 'integer', 'number', 'boolean', 'object', 'array']);
const REF_PREFIX = '#/components/schemas/';

export async function swaggerValidate(doc: unknown): Promise<void> {
  // The validator dereferences in place, so it gets a copy; its input type is its own OpenAPI typing.
  await SwaggerParser.validate(structuredClone(doc) as ParserInput);
}

/** Problems found by walking every schema object; empty when the document is sound. */
export function structuralProblems(doc: OpenApiDocument): string[] {
  const problems: string[] = [];
  const schemas = doc.components.schemas;
  for (const key of Object.keys(schemas)) {
    if (!COMPONENT_KEY.test(key)) problems.push(`bad component key ${JSON.stringify(key)}`);
  }
  const visit = (value: unknown, where: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${where}/${i}`));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const node = value as Record<string, unknown> & SchemaObject;
    const ref = node.$ref;
    if (
      typeof ref === 'string' &&
      !(ref.startsWith(REF_PREFIX) && Object.hasOwn(schemas, ref.slice(REF_PREFIX.length)))
    ) {
      problems.push(`${where}: dangling $ref ${ref}`);
    }
    if (typeof node.type === 'string' && !TYPES.has(node.type) && !where.endsWith('/properties')) {
      problems.push(`${where}: bad type ${node.type}`);
    }
    if (Array.isArray(node.required) && node.properties !== undefined && !where.endsWith('/properties')) {
      for (const name of node.required) {
        if (!Object.hasOwn(node.properties, name))
          problems.push(`${where}: required ${name} is not a property`);
      }
    }
    for (const [key, child] of Object.entries(node)) visit(child, `${where}/${key}`);
  };
  visit(doc, '#');
  const operationIds = Object.values(doc.paths).map((item) => item.post.operationId);
  if (new Set(operationIds).size !== operationIds.length) problems.push('operation ids repeat');
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const media of Object.values(item.post.requestBody.content)) {
      const target = schemas[media.schema.$ref?.slice(REF_PREFIX.length) ?? ''];
      for (const name of Object.keys(media.encoding ?? {})) {
        if (target?.properties === undefined || !Object.hasOwn(target.properties, name)) {
          problems.push(`${path}: encoding for ${name}, which is not a form field`);
        }
      }
    }
  }
  return problems;
}

/** Both checks; throws with the first problems listed. */
export async function expectValid(doc: OpenApiDocument): Promise<void> {
  const problems = structuralProblems(doc);
  if (problems.length > 0) throw new Error(`structural problems:\n${problems.slice(0, 20).join('\n')}`);
  await swaggerValidate(doc);
}
