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
 * reused until about a minute before expires_in runs out. */
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
/* Which endpoint answered last; AUTO until one has. */
RaTokenEndpointKind  ra_token_provider_get_resolved_kind (RaTokenProvider     *self);

G_END_DECLS
