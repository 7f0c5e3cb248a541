import { navigate } from '../../../web/router.js';

/** Where the tips console lives; its own views and the open tip are in the query string. */
export const TIPS_PAGE = '/console/programs/tips';

export const openTip = (id: number) => navigate(`${TIPS_PAGE}?tip=${id}`);
