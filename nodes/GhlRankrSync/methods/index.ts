import { listSearch as ghlListSearch } from '../../Ghl/methods';

/** The GHL Contact picker searches GHL, exactly as the GHL node's does. */
export const listSearch = { searchGhlContacts: ghlListSearch.searchContacts };
