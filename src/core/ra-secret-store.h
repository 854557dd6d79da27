/* ra-secret-store.h — client secrets in the Secret Service keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ra-secret.h"
#include "ra-types.h"

G_BEGIN_DECLS

#define RA_TYPE_SECRET_STORE (ra_secret_store_get_type ())
G_DECLARE_FINAL_TYPE (RaSecretStore, ra_secret_store, RA, SECRET_STORE, GObject)

RaSecretStore      *ra_secret_store_new                  (void);

/* Replaces whatever secret the account had (also one stored under the
 * account's earlier instance, region or client ID). Failures are
 * RA_ERROR_KEYRING with a sentence that says what to do; cancellation is
 * G_IO_ERROR_CANCELLED. A successful store forgets a session-only secret. */
void                ra_secret_store_store_async          (RaSecretStore        *self,
                                                          RaAccount            *account,
                                                          const char           *secret,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean            ra_secret_store_store_finish         (RaSecretStore        *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

/* A session-only secret, if the user chose one, wins over the keyring.
 * Returns NULL without an error when nothing is stored for the account
 * as it is now (its hosts included).
 * Free the secret with ra_secret_free () (ra-secret.h). */
void                ra_secret_store_lookup_async         (RaSecretStore        *self,
                                                          RaAccount            *account,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
char               *ra_secret_store_lookup_finish        (RaSecretStore        *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

/* Deletes every keyring item of the account and its session-only secret.
 * Deleting what does not exist is not an error. */
void                ra_secret_store_clear_async          (RaSecretStore        *self,
                                                          RaAccount            *account,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean            ra_secret_store_clear_finish         (RaSecretStore        *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

/* The way forward the user may choose when the keyring cannot be used:
 * keep the secret in this process's memory only, gone when the store is
 * finalized (on quit). Never written anywhere. NULL forgets it. */
void                ra_secret_store_set_session_secret   (RaSecretStore        *self,
                                                          const char           *account_id,
                                                          const char           *secret);
gboolean            ra_secret_store_has_session_secret   (RaSecretStore        *self,
                                                          const char           *account_id);

G_END_DECLS
