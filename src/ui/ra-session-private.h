/* ra-session-private.h — internals shared with the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-session.h"

G_BEGIN_DECLS

/* What a connection ends in: client (NULL: none) becomes the one in use,
 * for account (NULL: none or the demo). The tests bring clients of their
 * own simulators this way. */
void ra_session_set_connection    (RaSession *self,
                                   RaAccount *account,
                                   RaClient  *client,
                                   gboolean   demo);
/* How long the keyring may take before the session is "stalled"; for
 * connections started after the call. */
void ra_session_set_stall_timeout (RaSession *self,
                                   guint      milliseconds);

/* Records runs in history instead of the file in the user data
 * directory. */
void ra_session_set_history       (RaSession *self,
                                   RaHistory *history);

G_END_DECLS
