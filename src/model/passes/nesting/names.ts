/**
 * Name conversions between the doc's wire names and the Java SDK's setter names. The Java sample writes
 * `setAuthCode` for `auth_code`; the mapping is snake → Camel but not always invertible (`accepted_tand_c` →
 * `setAcceptedTandC`, `param_lower_price_r_q` → `setParamLowerPriceRQ`), so matching always converts the
 * documented name forwards and compares, never the other way round.
 */

/** `auth_code` → `AuthCode`; `isvItemCodeList` → `IsvItemCodeList`. Empty segments (`a__b`) are skipped. */
export function upperCamel(name: string): string {
  if (!name.includes('_')) return name.charAt(0).toUpperCase() + name.slice(1);
  let out = '';
  for (const part of name.split('_')) {
    if (part.length === 0) continue;
    out += part.charAt(0).toUpperCase() + part.slice(1);
  }
  return out;
}

/** A comparison key that ignores case and underscores: the last resort when exact conversions disagree. */
export function looseKey(name: string): string {
  let plain = true;
  for (let i = 0; i < name.length && plain; i++) {
    const c = name.charCodeAt(i);
    plain = c !== 95 && (c < 65 || c > 90);
  }
  return plain ? name : name.replaceAll('_', '').toLowerCase();
}

/**
 * True when a Java setter suffix (`AuthCode` from `setAuthCode`) names the documented field. `Json` fields get a
 * `String` suffix in the SDK (`setParamsString`, `setExtraString`). The optional keys let a caller that compares
 * one field with many setters convert the names once.
 */
export function setterMatches(
  setter: string,
  fieldName: string,
  fieldType: string,
  keys?: { readonly setterKey: string; readonly fieldKey: string; readonly camel: string },
): boolean {
  const camel = keys?.camel ?? upperCamel(fieldName);
  if (setter === camel) return true;
  if (fieldType === 'Json' && setter === `${camel}String`) return true;
  const loose = keys?.setterKey ?? looseKey(setter);
  const field = keys?.fieldKey ?? looseKey(fieldName);
  return loose === field || (fieldType === 'Json' && loose === `${field}string`);
}
