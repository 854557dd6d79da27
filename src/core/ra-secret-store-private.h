/* ra-secret-store-private.h — internals shared with the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-secret-store.h"

G_BEGIN_DECLS

typedef enum
{
  RA_SECRET_OPERATION_STORE,
  RA_SECRET_OPERATION_LOOKUP,
  RA_SECRET_OPERATION_CLEAR,
} RaSecretOperation;

/* Turns what libsecret reported about operation into an RA_ERROR_KEYRING
 * error whose message says what did not happen, why, and what to do. */
GError *ra_secret_store_keyring_error_new (const GError      *error,
                                           RaSecretOperation  operation);

/* Where the store looks to learn whether it runs in a Flatpak sandbox,
 * where libsecret talks to the Secret portal; NULL restores the real
 * place. The path must stay valid while it is set. For the tests. */
void     ra_secret_store_set_flatpak_info_path (const char *path);

G_END_DECLS
