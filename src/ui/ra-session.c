/* ra-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-session"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-account.h"
#include "ra-account-manager.h"
#include "ra-client.h"
#include "ra-endpoint.h"
#include "ra-history.h"
#include "ra-nql-queries.h"
#include "ra-secret-store.h"
#include "ra-session-private.h"
#include "ra-settings.h"
#include "ra-simulator.h"
#include "ra-token-provider.h"

struct _RaSession
{
  GObject           parent_instance;

  RaAccountManager *manager;
  RaSecretStore    *store;
  GSettings        *settings;

  RaAccount        *account;
  RaClient         *client;
  gboolean          demo;
  char             *title;

  /* The secret lookup of the account being connected, if any. */
  GCancellable     *connecting;
  RaAccount        *connecting_account;
  /* A keyring (or Secret portal) may never answer: after this long the
   * session is stalled, and the connecting page offers a way forward. */
  guint             stall_timeout_ms;
  guint             stall_id;
  gboolean          stalled;

  /* The demo instance, started on first use. */
  RaSimulator      *simulator;
  RaClient         *demo_client;

  /* Every run made from the app; the file is opened by its first use. */
  RaHistory        *history;
};

/* Long enough for a keyring that asks to be unlocked to be answered. */
#define STALL_TIMEOUT_MS (15 * 1000)

G_DEFINE_FINAL_TYPE (RaSession, ra_session, G_TYPE_OBJECT)

/* clang-format off */
G_DEFINE_QUARK (ra-session-error-quark, ra_session_error)
/* clang-format on */

enum {
  PROP_0,
  PROP_STATE,
  PROP_CLIENT,
  PROP_ACCOUNT,
  PROP_CONNECTING_ACCOUNT,
  PROP_DEMO,
  PROP_STALLED,
  PROP_TITLE,
  PROP_RESULTS_QUERY_ID,
  PROP_LOOKUP_QUERY_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GType
ra_session_state_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { RA_SESSION_STATE_DISCONNECTED, "RA_SESSION_STATE_DISCONNECTED", "disconnected" },
        { RA_SESSION_STATE_CONNECTING, "RA_SESSION_STATE_CONNECTING", "connecting" },
        { RA_SESSION_STATE_CONNECTED, "RA_SESSION_STATE_CONNECTED", "connected" },
        { 0, NULL, NULL },
      };
      GType type = g_enum_register_static (g_intern_static_string ("RaSessionState"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

static void
update_title (RaSession *self)
{
  g_autofree char *title = NULL;

  if (self->account != NULL)
    title = ra_account_dup_title (self->account);
  else if (self->demo)
    title = g_strdup (_("Demo Instance"));
  else if (self->connecting_account != NULL)
    title = ra_account_dup_title (self->connecting_account);

  if (g_strcmp0 (title, self->title) == 0)
    return;

  g_free (self->title);
  self->title = g_steal_pointer (&title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
set_stalled (RaSession *self,
             gboolean   stalled)
{
  stalled = !!stalled;
  if (self->stalled == stalled)
    return;

  self->stalled = stalled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALLED]);
}

static void
set_connecting_account (RaSession *self,
                        RaAccount *account)
{
  RaSessionState before = ra_session_get_state (self);

  if (!g_set_object (&self->connecting_account, account))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTING_ACCOUNT]);
  if (ra_session_get_state (self) != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  update_title (self);
}

static void
stop_connecting (RaSession *self)
{
  g_cancellable_cancel (self->connecting);
  g_clear_object (&self->connecting);
  g_clear_handle_id (&self->stall_id, g_source_remove);
  set_stalled (self, FALSE);
  set_connecting_account (self, NULL);
}

/* The account keeps which token endpoint worked, so the next start goes
 * straight there. */
static void
resolved_kind_cb (RaTokenProvider *provider,
                  GParamSpec      *pspec,
                  RaSession       *self)
{
  g_autoptr(GError) error = NULL;
  RaTokenEndpointKind kind = ra_token_provider_get_resolved_kind (provider);

  if (self->account == NULL || ra_account_get_token_endpoint_used (self->account) == kind)
    return;

  ra_account_set_token_endpoint_used (self->account, kind);
  if (!ra_account_manager_update (self->manager, self->account, &error))
    g_warning ("Could not remember the token endpoint: %s", error->message);
}

static void
account_query_changed_cb (RaSession  *self,
                          GParamSpec *pspec)
{
  if (g_str_equal (pspec->name, "results-query-id"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULTS_QUERY_ID]);
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOOKUP_QUERY_ID]);
}

void
ra_session_set_connection (RaSession *self,
                           RaAccount *account,
                           RaClient  *client,
                           gboolean   demo)
{
  RaSessionState before;
  g_autofree char *results_before = NULL;
  g_autofree char *lookup_before = NULL;

  g_return_if_fail (RA_IS_SESSION (self));
  g_return_if_fail (account == NULL || RA_IS_ACCOUNT (account));
  g_return_if_fail (client == NULL || RA_IS_CLIENT (client));

  demo = !!demo && client != NULL;
  before = ra_session_get_state (self);
  results_before = g_strdup (ra_session_get_results_query_id (self));
  lookup_before = g_strdup (ra_session_get_lookup_query_id (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->client != client && self->client != NULL)
    g_signal_handlers_disconnect_by_func (ra_client_get_token_provider (self->client),
                                          resolved_kind_cb, self);

  if (g_set_object (&self->client, client))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);

  if (self->account != account && self->account != NULL)
    g_signal_handlers_disconnect_by_func (self->account, account_query_changed_cb, self);

  if (g_set_object (&self->account, account))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
      /* The account editor changes the account in place. */
      if (account != NULL)
        {
          g_signal_connect_object (account, "notify::results-query-id",
                                   G_CALLBACK (account_query_changed_cb), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (account, "notify::lookup-query-id",
                                   G_CALLBACK (account_query_changed_cb), self,
                                   G_CONNECT_SWAPPED);
        }
    }

  if (self->demo != demo)
    {
      self->demo = demo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO]);
    }

  if (ra_session_get_state (self) != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  if (g_strcmp0 (results_before, ra_session_get_results_query_id (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULTS_QUERY_ID]);
  if (g_strcmp0 (lookup_before, ra_session_get_lookup_query_id (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOOKUP_QUERY_ID]);
  update_title (self);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
fail (RaSession  *self,
      RaAccount  *account,
      int         code,
      const char *message)
{
  g_autoptr(GError) error = g_error_new_literal (RA_SESSION_ERROR, code, message);

  g_signal_emit (self, signals[FAILED], 0, account, error);
}

typedef struct
{
  RaSession *self;
  RaAccount *account;
} ConnectData;

static void
connect_data_free (ConnectData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->account);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConnectData, connect_data_free)

static void
secret_found_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ConnectData) data = user_data;
  RaSession *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RaSecret) secret = NULL;
  g_autoptr(RaClient) client = NULL;

  secret = ra_secret_store_lookup_finish (RA_SECRET_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  stop_connecting (self);

  if (error != NULL)
    {
      fail (self, data->account, RA_SESSION_ERROR_SECRET, error->message);
      return;
    }

  if (secret == NULL)
    {
      fail (self, data->account, RA_SESSION_ERROR_SECRET,
            _("No client secret for this account is in the keyring. Enter it "
              "again to connect."));
      return;
    }

  client = ra_account_create_client (data->account, secret, &error);
  if (client == NULL)
    {
      fail (self, data->account, RA_SESSION_ERROR_ACCOUNT, error->message);
      return;
    }

  if (ra_account_get_token_endpoint_kind (data->account) == RA_TOKEN_ENDPOINT_AUTO)
    ra_token_provider_set_resolved_kind (ra_client_get_token_provider (client),
                                         ra_account_get_token_endpoint_used (data->account));
  g_signal_connect (ra_client_get_token_provider (client), "notify::resolved-kind",
                    G_CALLBACK (resolved_kind_cb), self);
  g_settings_set_string (self->settings, RA_SETTINGS_LAST_ACCOUNT, ra_account_get_id (data->account));
  ra_session_set_connection (self, data->account, client, FALSE);
}

static gboolean
stall_timeout_cb (gpointer user_data)
{
  RaSession *self = user_data;

  self->stall_id = 0;
  /* The lookup goes on: should the keyring answer late, it connects. */
  set_stalled (self, TRUE);

  return G_SOURCE_REMOVE;
}

void
ra_session_connect_account (RaSession *self,
                            RaAccount *account)
{
  g_autoptr(RaAccount) keep = NULL;
  ConnectData *data;

  g_return_if_fail (RA_IS_SESSION (self));
  g_return_if_fail (RA_IS_ACCOUNT (account));

  keep = g_object_ref (account);

  g_object_freeze_notify (G_OBJECT (self));
  ra_session_disconnect (self);
  self->connecting = g_cancellable_new ();
  self->stall_id = g_timeout_add (self->stall_timeout_ms, stall_timeout_cb, self);
  set_connecting_account (self, account);
  g_object_thaw_notify (G_OBJECT (self));

  data = g_new0 (ConnectData, 1);
  data->self = g_object_ref (self);
  data->account = g_object_ref (account);
  ra_secret_store_lookup_async (self->store, account, self->connecting, secret_found_cb, data);
}

static RaClient *
ensure_demo_client (RaSession  *self,
                    GError    **error)
{
  g_autoptr(RaSimulator) simulator = NULL;
  g_autoptr(RaEndpoint) endpoint = NULL;

  if (self->demo_client != NULL)
    return self->demo_client;

  /* A thread of its own keeps the demo server answering while the
   * window is busy, as a real server would. */
  simulator = ra_simulator_new ();
  if (!ra_simulator_start_in_thread (simulator, 0, error))
    return NULL;

  /* The login service on a port of its own, as on a real instance. */
  endpoint = ra_endpoint_new_full ("demo", "eu", ra_simulator_get_base_url (simulator),
                                   ra_simulator_get_login_base_url (simulator), error);
  if (endpoint == NULL)
    {
      ra_simulator_stop (simulator);
      return NULL;
    }

  self->simulator = g_steal_pointer (&simulator);
  self->demo_client = ra_client_new (endpoint,
                                     RA_SIM_DEFAULT_CLIENT_ID,
                                     RA_SIM_DEFAULT_CLIENT_SECRET,
                                     RA_TOKEN_ENDPOINT_AUTO);

  return self->demo_client;
}

void
ra_session_connect_demo (RaSession *self)
{
  g_autoptr(GError) error = NULL;
  RaClient *client;

  g_return_if_fail (RA_IS_SESSION (self));

  ra_session_disconnect (self);

  client = ensure_demo_client (self, &error);
  if (client == NULL)
    {
      fail (self, NULL, RA_SESSION_ERROR_DEMO, error->message);
      return;
    }

  ra_session_set_connection (self, NULL, client, TRUE);
}

void
ra_session_start (RaSession *self,
                  gboolean   demo)
{
  g_autofree char *last = NULL;
  RaAccount *account;

  g_return_if_fail (RA_IS_SESSION (self));

  if (demo)
    {
      ra_session_connect_demo (self);
      return;
    }

  last = g_settings_get_string (self->settings, RA_SETTINGS_LAST_ACCOUNT);
  account = ra_account_manager_lookup (self->manager, last);
  if (account != NULL)
    ra_session_connect_account (self, account);
}

void
ra_session_disconnect (RaSession *self)
{
  g_return_if_fail (RA_IS_SESSION (self));

  g_object_freeze_notify (G_OBJECT (self));
  stop_connecting (self);
  /* Its token goes with it; the demo client stays for the next visit. */
  if (self->client != NULL && self->client != self->demo_client)
    ra_client_sign_out (self->client);
  ra_session_set_connection (self, NULL, NULL, FALSE);
  g_object_thaw_notify (G_OBJECT (self));
}

void
ra_session_sign_out (RaSession *self)
{
  g_return_if_fail (RA_IS_SESSION (self));

  /* Signed out means it should not connect by itself next time either;
   * the setting first, so that whoever watches the session sees it. */
  g_settings_set_string (self->settings, RA_SETTINGS_LAST_ACCOUNT, "");
  ra_session_disconnect (self);
}

void
ra_session_forget_account (RaSession *self,
                           RaAccount *account)
{
  g_autofree char *last = NULL;

  g_return_if_fail (RA_IS_SESSION (self));
  g_return_if_fail (RA_IS_ACCOUNT (account));

  if (self->account != NULL &&
      g_str_equal (ra_account_get_id (self->account), ra_account_get_id (account)))
    ra_session_sign_out (self);

  last = g_settings_get_string (self->settings, RA_SETTINGS_LAST_ACCOUNT);
  if (g_str_equal (last, ra_account_get_id (account)))
    g_settings_set_string (self->settings, RA_SETTINGS_LAST_ACCOUNT, "");
}

static void
ra_session_dispose (GObject *object)
{
  RaSession *self = RA_SESSION (object);

  ra_session_disconnect (self);

  g_clear_object (&self->demo_client);
  if (self->simulator != NULL)
    ra_simulator_stop (self->simulator);
  g_clear_object (&self->simulator);

  g_clear_object (&self->manager);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (ra_session_parent_class)->dispose (object);
}

static void
ra_session_finalize (GObject *object)
{
  RaSession *self = RA_SESSION (object);

  g_free (self->title);

  G_OBJECT_CLASS (ra_session_parent_class)->finalize (object);
}

static void
ra_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RaSession *self = RA_SESSION (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, ra_session_get_state (self));
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    case PROP_CONNECTING_ACCOUNT:
      g_value_set_object (value, self->connecting_account);
      break;
    case PROP_DEMO:
      g_value_set_boolean (value, self->demo);
      break;
    case PROP_STALLED:
      g_value_set_boolean (value, self->stalled);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_RESULTS_QUERY_ID:
      g_value_set_string (value, ra_session_get_results_query_id (self));
      break;
    case PROP_LOOKUP_QUERY_ID:
      g_value_set_string (value, ra_session_get_lookup_query_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_session_class_init (RaSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ra_session_dispose;
  object_class->finalize = ra_session_finalize;
  object_class->get_property = ra_session_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       RA_TYPE_SESSION_STATE, RA_SESSION_STATE_DISCONNECTED, flags);
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, RA_TYPE_CLIENT, flags);
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, RA_TYPE_ACCOUNT, flags);
  properties[PROP_CONNECTING_ACCOUNT] =
    g_param_spec_object ("connecting-account", NULL, NULL, RA_TYPE_ACCOUNT, flags);
  properties[PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL, FALSE, flags);
  properties[PROP_STALLED] =
    g_param_spec_boolean ("stalled", NULL, NULL, FALSE, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_RESULTS_QUERY_ID] =
    g_param_spec_string ("results-query-id", NULL, NULL, NULL, flags);
  properties[PROP_LOOKUP_QUERY_ID] =
    g_param_spec_string ("lookup-query-id", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, RA_TYPE_ACCOUNT, G_TYPE_ERROR);
}

static void
ra_session_init (RaSession *self)
{
  self->stall_timeout_ms = STALL_TIMEOUT_MS;
}

RaSession *
ra_session_new (RaAccountManager *manager,
                RaSecretStore    *store,
                GSettings        *settings)
{
  RaSession *self;

  g_return_val_if_fail (RA_IS_ACCOUNT_MANAGER (manager), NULL);
  g_return_val_if_fail (RA_IS_SECRET_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (RA_TYPE_SESSION, NULL);
  self->manager = g_object_ref (manager);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  self->history = ra_history_new_default ();

  return self;
}

void
ra_session_set_history (RaSession *self,
                        RaHistory *history)
{
  g_return_if_fail (RA_IS_SESSION (self));
  g_return_if_fail (RA_IS_HISTORY (history));

  g_set_object (&self->history, history);
}

RaHistory *
ra_session_get_history (RaSession *self)
{
  g_return_val_if_fail (RA_IS_SESSION (self), NULL);

  return self->history;
}

RaAccountManager *
ra_session_get_account_manager (RaSession *self)
{
  g_return_val_if_fail (RA_IS_SESSION (self), NULL);

  return self->manager;
}

RaSecretStore *
ra_session_get_secret_store (RaSession *self)
{
  g_return_val_if_fail (RA_IS_SESSION (self), NULL);

  return self->store;
}

RaSessionState
ra_session_get_state (RaSession *self)
{
  g_return_val_if_fail (RA_IS_SESSION (self), RA_SESSION_STATE_DISCONNECTED);

  if (self->client != NULL)
    return RA_SESSION_STATE_CONNECTED;
  if (self->connecting_account != NULL)
    return RA_SESSION_STATE_CONNECTING;
  return RA_SESSION_STATE_DISCONNECTED;
}

RaClient *
ra_session_get_client (RaSession *self)
{
  g_return_val_if_fail (RA_IS_SESSION (self), NULL);

  return self->client;
}

RaAccount *
ra_session_get_account (RaSession *self)
{
  g_return_val_if_fail (RA_IS_SESSION (self), NULL);

  return self->account;
}

/* The account's, or the demo instance's, whose queries are set up. */
static const char *
query_id_or_null (RaSession  *self,
                  const char *account_query_id,
                  const char *demo_query_id)
{
  if (self->account != NULL)
    return *account_query_id != '\0' ? account_query_id : NULL;
  if (self->demo)
    return demo_query_id;

  return NULL;
}

const char *
ra_session_get_results_query_id (RaSession *self)
{
  g_return_val_if_fail (RA_IS_SESSION (self), NULL);

  return query_id_or_null (self,
                           self->account != NULL ? ra_account_get_results_query_id (self->account) : NULL,
                           RA_DEMO_EXECUTIONS_QUERY);
}

const char *
ra_session_get_lookup_query_id (RaSession *self)
{
  g_return_val_if_fail (RA_IS_SESSION (self), NULL);

  return query_id_or_null (self,
                           self->account != NULL ? ra_account_get_lookup_query_id (self->account) : NULL,
                           RA_DEMO_LOOKUP_QUERY);
}

RaAccount *
ra_session_get_connecting_account (RaSession *self)
{
  g_return_val_if_fail (RA_IS_SESSION (self), NULL);

  return self->connecting_account;
}

gboolean
ra_session_get_demo (RaSession *self)
{
  g_return_val_if_fail (RA_IS_SESSION (self), FALSE);

  return self->demo;
}

gboolean
ra_session_get_stalled (RaSession *self)
{
  g_return_val_if_fail (RA_IS_SESSION (self), FALSE);

  return self->stalled;
}

const char *
ra_session_get_title (RaSession *self)
{
  g_return_val_if_fail (RA_IS_SESSION (self), NULL);

  return self->title;
}

void
ra_session_set_stall_timeout (RaSession *self,
                              guint      milliseconds)
{
  g_return_if_fail (RA_IS_SESSION (self));

  self->stall_timeout_ms = milliseconds;
}
