/* ra-token-provider-private.h — hooks for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-clock.h"
#include "ra-token-provider.h"

G_BEGIN_DECLS

/* Moves the provider's clock forward by seconds, so tests can reach the
 * refresh point of a token without waiting for it. */
void     ra_token_provider_advance_clock  (RaTokenProvider *self,
                                           guint            seconds);
/* Replaces the system clock the provider judges token freshness by. */
void     ra_token_provider_set_clock      (RaTokenProvider *self,
                                           RaClock         *clock);
/* Whether a cached token would be handed out without a request. */
gboolean ra_token_provider_has_fresh_token (RaTokenProvider *self);

G_END_DECLS
