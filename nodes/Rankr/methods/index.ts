export const listSearch = {};
export const loadOptions = {};
