import { listSearch as ghlListSearch } from '../../Ghl/methods';

/** GHL Sync's contact picker searches GHL, as the GHL node's does. */
export const listSearch = { searchContacts: ghlListSearch.searchContacts };
export const loadOptions = {};
