import { jsonError } from '@/lib/api-response';

export const dynamic = 'force-dynamic';

/** Any /api URL that no route handles: a JSON 404, like the API's other errors, rather than the HTML 404 page. */
const notFound = () => jsonError(404, 'Không tìm thấy địa chỉ API này.');

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
