import fc from 'fast-check';

/**
 * Any JavaScript value a hostile or broken peer could hand us, JSON or not: boxed values, Maps, Sets,
 * null-prototype objects, typed arrays, dates, bigints (fuzz tests only).
 */
export function anyHostileValue(options: { bigint?: boolean } = {}): fc.Arbitrary<unknown> {
  return fc.anything({
    maxDepth: 3,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withTypedArray: true,
    withDate: true,
    withBigInt: options.bigint ?? false,
  });
}
