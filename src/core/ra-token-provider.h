/* ra-token-provider.h — bearer tokens, kept in memory only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "ra-types.h"

G_BEGIN_DECLS

#define RA_TYPE_TOKEN_PROVIDER (ra_token_provider_get_type ())
G_DECLARE_FINAL_TYPE (RaTokenProvider, ra_token_provider, RA, TOKEN_PROVIDER, GObject)

RaTokenProvider     *ra_token_provider_new              (SoupSession          *session,
                                                         RaEndpoint           *endpoint,
                                                         const char           *client_id,
                                                         const char           *client_secret,
                                                         RaTokenEndpointKind   kind);
/* Concurrent callers share one request in flight. A cached token is
 * reused until about a minute before expires_in runs out, judged by the
 * wall clock as well as the monotonic one, so a token that ran out while
 * the machine slept is renewed before use.
 *
 * AUTO asks the Nexthink login service (OAuth) first and falls back to the
 * legacy /api/v1/token only when the login host does not resolve or
 * answers 404/405 (and the other way round when the legacy endpoint was
 * the one remembered). Rejected credentials (401) never fall back. */
void                 ra_token_provider_get_token_async  (RaTokenProvider      *self,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
/* Returns the access token; free it with g_free (). */
char                *ra_token_provider_get_token_finish (RaTokenProvider      *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
/* Drops the cached token, e.g. after the API answered 401 or on sign-out. */
void                 ra_token_provider_invalidate       (RaTokenProvider      *self);
/* Drops the cached token only if it is still token: a caller that saw
 * its token refused does not throw away a newer one fetched meanwhile. */
void                 ra_token_provider_invalidate_token (RaTokenProvider      *self,
                                                         const char           *token);
/* Which endpoint answered last; AUTO until one has. Notifies
 * "resolved-kind" when it changes. */
RaTokenEndpointKind  ra_token_provider_get_resolved_kind (RaTokenProvider     *self);
/* For AUTO: the endpoint that worked last time (remembered with the
 * account), tried first; the other one stays the fallback. */
void                 ra_token_provider_set_resolved_kind (RaTokenProvider     *self,
                                                          RaTokenEndpointKind  kind);

G_END_DECLS
