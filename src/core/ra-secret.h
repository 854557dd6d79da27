/* ra-secret.h — a secret in memory, wiped when it is freed
 *
 * The HTTP code (token provider, client) holds client secrets and access
 * tokens; the secret store hands them out. Both free them here, so the
 * HTTP code never sees the keyring's library.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Overwrites the secret before freeing it. NULL is fine. With
 * g_autoptr(RaSecret) a secret is wiped when it goes out of scope. */
typedef char RaSecret;
void ra_secret_free (char *secret);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RaSecret, ra_secret_free)

G_END_DECLS
