/** `showSearch` for selects whose options are `{ value, label }`: type to filter by the label. */
export const SEARCH_BY_LABEL = { optionFilterProp: 'label' };

/** A URL value narrowed to one of a list's members, or undefined. */
export function oneOf<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  return list.find((member) => member === value);
}
