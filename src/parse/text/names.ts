/**
 * Name conversions between the doc's wire names and the Java SDK's setter names. The Java sample writes
 * `setAuthCode` for `auth_code`; the mapping is snake → Camel but not always invertible (`accepted_tand_c` →
 * `setAcceptedTandC`, `param_lower_price_r_q` → `setParamLowerPriceRQ`), so matching always converts the
 * documented name forwards and compares, never the other way round.
 */

/** `auth_code` → `AuthCode`; `isvItemCodeList` → `IsvItemCodeList`. Empty segments (`a__b`) are skipped. */
export function upperCamel(name: string): string {
  let out = '';
  for (const part of name.split('_')) {
    if (part.length === 0) continue;
    out += part.charAt(0).toUpperCase() + part.slice(1);
  }
  return out;
}

/** A comparison key that ignores case and underscores: the last resort when exact conversions disagree. */
export function looseKey(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}

/**
 * True when a Java setter suffix (`AuthCode` from `setAuthCode`) names the documented field. `Json` fields get a
 * `String` suffix in the SDK (`setParamsString`, `setExtraString`).
 */
export function setterMatches(setter: string, fieldName: string, fieldType: string): boolean {
  const camel = upperCamel(fieldName);
  if (setter === camel) return true;
  if (fieldType === 'Json' && setter === `${camel}String`) return true;
  const loose = looseKey(setter);
  return loose === looseKey(fieldName) || (fieldType === 'Json' && loose === `${looseKey(fieldName)}string`);
}
