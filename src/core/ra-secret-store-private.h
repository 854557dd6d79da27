/* ra-secret-store-private.h — internals shared with the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsecret/secret.h>

#include "ra-secret-store.h"

G_BEGIN_DECLS

/* The schema is named after the base application ID,
 * "io.github.nxra.RemoteActions.ClientSecret", for both the stable and the
 * development build: both read the same account list, so they must find
 * the same secrets. Attributes: account-id, instance, region, client-id,
 * api-url and login-url (the API and login service base URLs the account's
 * endpoint has, overrides included). A lookup matches all of them, so a
 * secret is never handed out for other hosts than it was stored for, even
 * when accounts.ini was edited by hand; items stored without the two URLs
 * (by earlier versions) are not found and the secret is asked for again. */
const SecretSchema *ra_secret_store_get_schema (void);

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
