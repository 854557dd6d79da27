/* ra-secret-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-secret-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ra-account.h"
#include "ra-endpoint.h"
#include "ra-error.h"
#include "ra-secret-store-private.h"

struct _RaSecretStore
{
  GObject     parent_instance;

  /* account id → secret, only what the user chose to keep for this session */
  GHashTable *session_secrets;
};

G_DEFINE_FINAL_TYPE (RaSecretStore, ra_secret_store, G_TYPE_OBJECT)

static const SecretSchema client_secret_schema = {
  BASE_APP_ID ".ClientSecret",
  SECRET_SCHEMA_NONE,
  {
    { "account-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "instance", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "region", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "client-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "api-url", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "login-url", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

const SecretSchema *
ra_secret_store_get_schema (void)
{
  return &client_secret_schema;
}

static void
ra_secret_store_finalize (GObject *object)
{
  RaSecretStore *self = (RaSecretStore *)object;

  g_clear_pointer (&self->session_secrets, g_hash_table_unref);

  G_OBJECT_CLASS (ra_secret_store_parent_class)->finalize (object);
}

static void
ra_secret_store_class_init (RaSecretStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ra_secret_store_finalize;
}

static void
ra_secret_store_init (RaSecretStore *self)
{
  self->session_secrets = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                 g_free, (GDestroyNotify)ra_secret_free);
}

RaSecretStore *
ra_secret_store_new (void)
{
  return g_object_new (RA_TYPE_SECRET_STORE, NULL);
}

/* The tables own their values: libsecret reads them after the call
 * returns, once it has reached the service. */
static GHashTable *
attributes_for_id (RaAccount *account)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, (char *)"account-id", g_strdup (ra_account_get_id (account)));

  return attributes;
}

/* Every attribute, the hosts included: the secret is only ever handed out
 * for the hosts it was stored for. NULL when the account has no valid
 * hosts. */
static GHashTable *
attributes_for_account (RaAccount  *account,
                        GError    **error)
{
  g_autoptr(RaEndpoint) endpoint = ra_account_create_endpoint (account, error);
  GHashTable *attributes;

  if (endpoint == NULL)
    return NULL;

  attributes = attributes_for_id (account);
  g_hash_table_insert (attributes, (char *)"instance", g_strdup (ra_account_get_instance (account)));
  g_hash_table_insert (attributes, (char *)"region", g_strdup (ra_account_get_region (account)));
  g_hash_table_insert (attributes, (char *)"client-id", g_strdup (ra_account_get_client_id (account)));
  g_hash_table_insert (attributes, (char *)"api-url",
                       g_strdup (ra_endpoint_get_api_base_url (endpoint)));
  g_hash_table_insert (attributes, (char *)"login-url",
                       g_strdup (ra_endpoint_get_login_base_url (endpoint)));

  return attributes;
}

/* Flatpak puts this file at the root of every sandbox. A variable, so the
 * tests can reach the sandbox branch outside a sandbox and the host branch
 * inside one. */
static const char *flatpak_info_path = "/.flatpak-info";

void
ra_secret_store_set_flatpak_info_path (const char *path)
{
  flatpak_info_path = path != NULL ? path : "/.flatpak-info";
}

static gboolean
running_in_flatpak (void)
{
  return g_file_test (flatpak_info_path, G_FILE_TEST_EXISTS);
}

static const char *
operation_sentence (RaSecretOperation operation)
{
  switch (operation)
    {
    case RA_SECRET_OPERATION_STORE:
      return _("The client secret was not saved.");
    case RA_SECRET_OPERATION_LOOKUP:
      return _("The client secret could not be read.");
    case RA_SECRET_OPERATION_CLEAR:
      return _("The client secret could not be deleted.");
    default:
      g_assert_not_reached ();
    }
}

/* libsecret reports D-Bus, GIO and its own errors; the user needs to know
 * which of a few situations they are in and what to do about each. */
static char *
situation_sentence (const GError *error)
{
  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return g_strdup (_("The keyring is locked. Unlock the keyring (its unlock prompt may have "
                       "been dismissed) and try again."));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_strdup (_("The keyring prompt was dismissed."));

  if (running_in_flatpak () &&
      (error->domain == G_DBUS_ERROR || error->domain == G_IO_ERROR))
    return g_strdup (_("The Secret portal is not available. Make sure xdg-desktop-portal and a "
                       "keyring service such as GNOME Keyring are installed and running."));

  if (g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_CHILD_EXITED) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_EXEC_FAILED) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_FILE_NOT_FOUND) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NO_SERVER) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_DISCONNECTED) ||
      error->domain == G_IO_ERROR)
    return g_strdup (_("No keyring service (Secret Service) is running. Start GNOME Keyring or "
                       "another Secret Service provider and try again."));

  /* libsecret's own messages never carry the secret. */
  return g_strdup_printf (_("The keyring refused the request: %s"), error->message);
}

GError *
ra_secret_store_keyring_error_new (const GError      *error,
                                   RaSecretOperation  operation)
{
  g_autofree char *situation = situation_sentence (error);

  /* Translators: two sentences: what did not happen, then why and what to do */
  return g_error_new (RA_ERROR, RA_ERROR_KEYRING, _("%s %s"),
                      operation_sentence (operation), situation);
}

static void
return_keyring_error (GTask             *task,
                      const GError      *error,
                      RaSecretOperation  operation)
{
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (cancellable != NULL && g_cancellable_is_cancelled (cancellable))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                             _("The operation was cancelled."));
  else
    g_task_return_error (task, ra_secret_store_keyring_error_new (error, operation));
}

static void
clear_session_secret (RaSecretStore *self,
                      const char    *account_id)
{
  g_hash_table_remove (self->session_secrets, account_id);
}

/* Store: first forget any item of this account (its instance, region or
 * client ID may have changed, which would leave a stale item behind), then
 * store. The caller still holds the secret, so a failure after the clear
 * loses nothing the user cannot retry or keep for the session. */

typedef struct
{
  RaAccount *account;
  char      *secret;
} StoreData;

static void
store_data_free (gpointer data)
{
  StoreData *store_data = data;

  g_clear_object (&store_data->account);
  g_clear_pointer (&store_data->secret, ra_secret_free);
  g_free (store_data);
}

static void
store_stored_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  RaSecretStore *self = g_task_get_source_object (task);
  StoreData *data = g_task_get_task_data (task);

  if (!secret_password_store_finish (result, &error))
    {
      return_keyring_error (task, error, RA_SECRET_OPERATION_STORE);
      return;
    }

  clear_session_secret (self, ra_account_get_id (data->account));
  g_task_return_boolean (task, TRUE);
}

static void
store_cleared_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  StoreData *data = g_task_get_task_data (task);

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    {
      return_keyring_error (task, error, RA_SECRET_OPERATION_STORE);
      return;
    }

  attributes = attributes_for_account (data->account, &error);
  if (attributes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Translators: the name of a keyring item as seen in Passwords and Keys;
   * the first %s is the instance name, the second the region */
  label = g_strdup_printf (_("Remote Actions: %s (%s)"),
                           ra_account_get_instance (data->account),
                           ra_account_get_region (data->account));

  secret_password_storev (&client_secret_schema, attributes, SECRET_COLLECTION_DEFAULT,
                          label, data->secret, g_task_get_cancellable (task),
                          store_stored_cb, g_object_ref (task));
}

void
ra_secret_store_store_async (RaSecretStore       *self,
                             RaAccount           *account,
                             const char          *secret,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  StoreData *data;

  g_return_if_fail (RA_IS_SECRET_STORE (self));
  g_return_if_fail (RA_IS_ACCOUNT (account));
  g_return_if_fail (secret != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ra_secret_store_store_async);

  data = g_new0 (StoreData, 1);
  /* A snapshot, so an edit while we wait cannot mix two accounts' attributes. */
  data->account = ra_account_copy (account);
  data->secret = g_strdup (secret);
  g_task_set_task_data (task, data, store_data_free);

  attributes = attributes_for_id (account);
  secret_password_clearv (&client_secret_schema, attributes, cancellable,
                          store_cleared_cb, g_steal_pointer (&task));
}

gboolean
ra_secret_store_store_finish (RaSecretStore  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (RA_IS_SECRET_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *found;
  char *copy = NULL;

  found = secret_password_lookup_nonpageable_finish (result, &error);
  if (error != NULL)
    {
      return_keyring_error (task, error, RA_SECRET_OPERATION_LOOKUP);
      return;
    }

  if (found != NULL)
    {
      copy = g_strdup (found);
      secret_password_free (found);
    }

  g_task_return_pointer (task, copy, (GDestroyNotify)ra_secret_free);
}

void
ra_secret_store_lookup_async (RaSecretStore       *self,
                              RaAccount           *account,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  const char *session_secret;

  g_return_if_fail (RA_IS_SECRET_STORE (self));
  g_return_if_fail (RA_IS_ACCOUNT (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ra_secret_store_lookup_async);

  session_secret = g_hash_table_lookup (self->session_secrets, ra_account_get_id (account));
  if (session_secret != NULL)
    {
      g_task_return_pointer (task, g_strdup (session_secret), (GDestroyNotify)ra_secret_free);
      return;
    }

  /* All attributes: a secret is only handed to the instance, region,
   * client ID and hosts it was stored for. Items of earlier versions,
   * which carry no hosts, are not found: the secret is asked for again
   * rather than sent to hosts it was perhaps never meant for. */
  attributes = attributes_for_account (account, NULL);
  if (attributes == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  secret_password_lookupv (&client_secret_schema, attributes, cancellable,
                           lookup_cb, g_steal_pointer (&task));
}

char *
ra_secret_store_lookup_finish (RaSecretStore  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (RA_IS_SECRET_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    {
      return_keyring_error (task, error, RA_SECRET_OPERATION_CLEAR);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
ra_secret_store_clear_async (RaSecretStore       *self,
                             RaAccount           *account,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (RA_IS_SECRET_STORE (self));
  g_return_if_fail (RA_IS_ACCOUNT (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ra_secret_store_clear_async);

  clear_session_secret (self, ra_account_get_id (account));

  attributes = attributes_for_id (account);
  secret_password_clearv (&client_secret_schema, attributes, cancellable,
                          clear_cb, g_steal_pointer (&task));
}

gboolean
ra_secret_store_clear_finish (RaSecretStore  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (RA_IS_SECRET_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ra_secret_store_set_session_secret (RaSecretStore *self,
                                    const char    *account_id,
                                    const char    *secret)
{
  g_return_if_fail (RA_IS_SECRET_STORE (self));
  g_return_if_fail (account_id != NULL);

  if (secret == NULL)
    clear_session_secret (self, account_id);
  else
    g_hash_table_replace (self->session_secrets, g_strdup (account_id), g_strdup (secret));
}

gboolean
ra_secret_store_has_session_secret (RaSecretStore *self,
                                    const char    *account_id)
{
  g_return_val_if_fail (RA_IS_SECRET_STORE (self), FALSE);
  g_return_val_if_fail (account_id != NULL, FALSE);

  return g_hash_table_contains (self->session_secrets, account_id);
}
