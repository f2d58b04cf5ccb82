/**
 * The subset of OpenAPI 3.1 that topgen writes, as plain JSON-serialisable objects. Schema objects are
 * JSON Schema 2020-12; `x-top-*` extensions carry TOP facts that OpenAPI has no keyword for.
 */

export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export interface SchemaObject {
  readonly $ref?: string;
  readonly type?: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';
  readonly format?: string;
  readonly title?: string;
  readonly description?: string;
  readonly const?: JsonValue;
  readonly enum?: readonly JsonValue[];
  readonly default?: JsonValue;
  readonly examples?: readonly JsonValue[];
  readonly pattern?: string;
  readonly maxLength?: number;
  readonly maxItems?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly contentMediaType?: string;
  readonly contentSchema?: SchemaObject;
  readonly items?: SchemaObject;
  readonly properties?: { readonly [name: string]: SchemaObject };
  readonly required?: readonly string[];
  readonly oneOf?: readonly SchemaObject[];
  readonly [extension: `x-${string}`]: unknown;
}

export interface EncodingObject {
  readonly contentType?: string;
  readonly style?: 'form';
  readonly explode?: boolean;
}

export interface MediaTypeObject {
  readonly schema: SchemaObject;
  readonly encoding?: { readonly [property: string]: EncodingObject };
}

export interface OperationObject {
  readonly operationId: string;
  readonly summary?: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly requestBody: {
    readonly required: true;
    readonly content: { readonly [mediaType: string]: MediaTypeObject };
  };
  readonly responses: {
    readonly [status: string]: {
      readonly description: string;
      readonly content: { readonly [mediaType: string]: MediaTypeObject };
    };
  };
  readonly [extension: `x-${string}`]: unknown;
}

export interface PathItemObject {
  readonly post: OperationObject;
}

export interface OpenApiDocument {
  readonly openapi: '3.1.0';
  readonly info: {
    readonly title: string;
    readonly version: string;
    readonly description: string;
  };
  readonly servers: readonly { readonly url: string; readonly description: string }[];
  readonly tags: readonly { readonly name: string }[];
  readonly paths: { readonly [path: string]: PathItemObject };
  readonly components: { readonly schemas: { readonly [name: string]: SchemaObject } };
}

export interface OpenApiOptions {
  /** `info.title`; default `TOP APIs`. */
  readonly title?: string;
  /** `info.version`; default `0.0.0`. */
  readonly version?: string;
  /** Server URL; default the production gateway. */
  readonly gateway?: string;
}
