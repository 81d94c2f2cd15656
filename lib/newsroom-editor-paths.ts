// The newsroom editor's addresses, shared by the pages, the route handlers' redirects and the editor's requests.

export const ARTICLES_PATH = '/toa-soan';
export const NEW_ARTICLE_PATH = '/toa-soan/bai-viet/moi';
/** POST: a new article's first save. */
export const CREATE_ARTICLE_PATH = '/toa-soan/bai-viet';
export const PHOTO_UPLOAD_PATH = '/toa-soan/anh';
export const KEYWORD_SUGGESTIONS_PATH = '/toa-soan/tu-khoa';

export const editArticlePath = (id: number) => `/toa-soan/bai-viet/${id}`;
/** POST: a save of a draft (autosave). */
export const saveArticlePath = (id: number) => `/toa-soan/bai-viet/${id}/luu`;
/** POST: publish now, or save a published article's changes (lanh-dao). */
export const publishArticlePath = (id: number) => `/toa-soan/bai-viet/${id}/xuat-ban`;
export const previewArticlePath = (id: number) => `/toa-soan/bai-viet/${id}/xem-truoc`;
