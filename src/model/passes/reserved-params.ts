/**
 * API parameters named like TOP's common parameters (`method`, `sign`, `timestamp`, …). The runtime signs and
 * sends those itself and refuses an API parameter of the same name (the gateway would read the caller's value
 * as the protocol's), so such a parameter can never be sent: a warning at generation says so up front.
 */
import { RESERVED_PARAMS } from '../../runtime/common.js';
import { diagnostic } from '../diagnostics.js';
import type { DocApi, Diagnostic } from '../types.js';

export function reservedParamClashes(api: DocApi): Diagnostic[] {
  return api.request
    .filter((field) => RESERVED_PARAMS.has(field.name))
    .map((field) =>
      diagnostic(
        'warning',
        'reserved-param-name',
        `Parameter ${field.name} has the name of a TOP common parameter, which the client sets itself; the generated client refuses a value for it${field.required ? ', so this API (where it is required) cannot be called' : ''}.`,
        {
          file: api.source.file,
          field: `request.${field.name}`,
          expected: `an API parameter name other than ${[...RESERVED_PARAMS].join(', ')}`,
          found: field.name,
        },
      ),
    );
}
