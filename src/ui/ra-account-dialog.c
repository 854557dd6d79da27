/* ra-account-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-account-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-accessible.h"
#include "ra-account.h"
#include "ra-account-dialog-private.h"
#include "ra-account-manager.h"
#include "ra-client.h"
#include "ra-endpoint.h"
#include "ra-error.h"
#include "ra-plain-text.h"
#include "ra-scroll.h"
#include "ra-secret-store.h"
#include "ra-token-provider.h"

typedef struct
{
  RaTokenEndpointKind  kind;
  const char          *label;
} TokenKind;

/* In the order offered: the current endpoint before the legacy one. */
static const TokenKind token_kinds[] = {
  { RA_TOKEN_ENDPOINT_AUTO, N_("Automatic") },
  { RA_TOKEN_ENDPOINT_OAUTH, N_("Nexthink login service") },
  { RA_TOKEN_ENDPOINT_LEGACY, N_("Legacy API token endpoint") },
};

G_DEFINE_FINAL_TYPE (RaAccountDialog, ra_account_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_REGION,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

static void field_changed_cb (RaAccountDialog *self,
                              GObject         *sender);

static RaTokenEndpointKind
selected_token_kind (RaAccountDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->token_row);

  if (selected >= G_N_ELEMENTS (token_kinds))
    selected = 0;

  return token_kinds[selected].kind;
}

static void
select_token_kind (RaAccountDialog     *self,
                   RaTokenEndpointKind  kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (token_kinds); i++)
    if (token_kinds[i].kind == kind)
      adw_combo_row_set_selected (self->token_row, i);
}

static void
clear_test_result (RaAccountDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->result_row), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_row), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_row), "error");
}

static RaAccount *account_from_fields (RaAccountDialog *self);

/* The fields now name other hosts than the stored secret was saved for:
 * it may not go there, so it is taken out of the form and asked for. */
static void
check_hosts (RaAccountDialog *self)
{
  g_autoptr(RaAccount) account = NULL;

  if (self->account == NULL || self->secret_needed_again || self->filling)
    return;

  account = account_from_fields (self);
  if (ra_account_same_hosts (account, self->account))
    return;

  self->secret_needed_again = TRUE;
  self->touched[FIELD_SECRET] = TRUE;
  if (self->secret_from_keyring)
    {
      self->secret_from_keyring = FALSE;
      g_signal_handlers_block_by_func (self->secret_row, field_changed_cb, self);
      gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
      g_signal_handlers_unblock_by_func (self->secret_row, field_changed_cb, self);
    }
}

/* A Nexthink address pasted as the instance name: its instance and
 * region are what the user meant. */
static gboolean
fill_from_address (RaAccountDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->instance_row));
  g_autofree char *instance = NULL;
  g_autofree char *region = NULL;

  if (!ra_endpoint_parse_address (text, &instance, &region))
    return FALSE;

  ra_account_dialog_set_region (self, region);
  /* Which changes the row again, and comes back here with the name. */
  gtk_editable_set_text (GTK_EDITABLE (self->instance_row), instance);
  gtk_editable_set_position (GTK_EDITABLE (self->instance_row), -1);

  return TRUE;
}

/* Typing an address key by key must not be cut short as soon as what is
 * typed so far reads as one: only a paste or a drop fills the fields at
 * once; typed, the address is taken when the row is left or Enter is
 * pressed. */
static void
instance_insert_text_cb (RaAccountDialog *self,
                         const char      *text,
                         int              length,
                         int             *position,
                         GtkEditable     *delegate)
{
  self->instance_pasted = g_utf8_strlen (text, length) > 1;
}

static void
instance_done_cb (RaAccountDialog *self)
{
  /* Leaving can come with the window going away. */
  if (!self->filling && self->instance_row != NULL)
    fill_from_address (self);
}

static void
field_changed_cb (RaAccountDialog *self,
                  GObject         *sender)
{
  if (sender == G_OBJECT (self->instance_row) && !self->filling)
    {
      gboolean pasted = self->instance_pasted;

      self->instance_pasted = FALSE;
      if (pasted && fill_from_address (self))
        return;
    }

  for (Field field = 0; field < N_FIELDS; field++)
    {
      if (sender == G_OBJECT (ra_account_dialog_field_row (self, field)))
        self->touched[field] = TRUE;
    }

  /* Whatever is typed there now is the user's own. */
  if (sender == G_OBJECT (self->secret_row))
    self->secret_from_keyring = FALSE;

  check_hosts (self);

  /* A result for other settings would be misleading. */
  if (self->test_client == NULL)
    clear_test_result (self);

  ra_account_dialog_update_validation (self);
}

/* The account as the fields describe it, with the id of the edited one. */
static RaAccount *
account_from_fields (RaAccountDialog *self)
{
  g_autoptr(RaAccount) account = NULL;
  g_autofree char *base_url = dup_stripped (self->base_url_row);
  g_autofree char *login_url = dup_stripped (self->login_url_row);

  if (self->account != NULL)
    account = ra_account_copy (self->account);
  else
    account = ra_account_new ();

  ra_account_set_display_name (account, entry_text (self->name_row));
  ra_account_set_instance (account, entry_text (self->instance_row));
  ra_account_set_region (account, self->region);
  ra_account_set_client_id (account, entry_text (self->client_id_row));
  ra_account_set_token_endpoint_kind (account, selected_token_kind (self));
  ra_account_set_base_url_override (account, base_url);
  ra_account_set_login_url_override (account, login_url);
  ra_account_set_results_query_id (account,
                                   ra_query_setup_group_get_query_id (self->results_query_group));
  ra_account_set_lookup_query_id (account,
                                  ra_query_setup_group_get_query_id (self->lookup_query_group));

  return g_steal_pointer (&account);
}

static gboolean
reveal_result_cb (GtkWidget     *widget,
                  GdkFrameClock *frame_clock,
                  gpointer       user_data)
{
  ra_scroll_to_reveal (GTK_WIDGET (RA_ACCOUNT_DIALOG (widget)->result_row), 12);

  return G_SOURCE_REMOVE;
}

static void
show_test_result (RaAccountDialog *self,
                  gboolean         success,
                  const char      *title,
                  const char      *detail)
{
  gtk_image_set_from_icon_name (self->result_icon,
                                success ? "emblem-ok-symbolic" : "dialog-error-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_row), success ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->result_row), success ? "success" : "error");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->result_row), title);
  adw_action_row_set_subtitle (self->result_row, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->result_row), TRUE);

  /* Once laid out, bring the result into view if it landed below. */
  gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_result_cb, NULL, NULL);
}

static const char *
headline_for_error (const GError *error)
{
  if (error->domain != RA_ERROR)
    return _("Connection failed");

  switch ((RaErrorCode) error->code)
    {
    case RA_ERROR_NETWORK:
    case RA_ERROR_TIMED_OUT:
      return _("Instance not reachable");
    case RA_ERROR_TLS:
      return _("Secure connection failed");
    case RA_ERROR_UNAUTHORIZED:
      return _("Credentials rejected");
    case RA_ERROR_FORBIDDEN:
      return _("Missing Remote Actions API permission");
    case RA_ERROR_RATE_LIMITED:
      return _("Rate limited");
    case RA_ERROR_NOT_FOUND:
      return _("Remote Actions API not found");
    case RA_ERROR_SERVER:
      return _("Server error");
    case RA_ERROR_MALFORMED_RESPONSE:
    case RA_ERROR_RESPONSE_TOO_LARGE:
      return _("Unexpected answer");
    case RA_ERROR_INVALID_ENDPOINT:
    case RA_ERROR_INVALID_INPUT:
    case RA_ERROR_INVALID_REQUEST:
      return _("Invalid settings");
    case RA_ERROR_KEYRING:
    default:
      return _("Connection failed");
    }
}

static void
test_finished (RaAccountDialog *self)
{
  if (self->test_client != NULL)
    ra_client_sign_out (self->test_client);
  g_clear_object (&self->test_client);

  gtk_spinner_stop (self->test_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->test_spinner), FALSE);
  ra_account_dialog_update_validation (self);
}

/* The host of url, and its port when that is not the scheme's own: a
 * test server's two services differ only by their port. */
static char *
dup_authority (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  int port;

  if (uri == NULL)
    return g_strdup ("");

  port = g_uri_get_port (uri);
  if (port < 0 ||
      (port == 443 && g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0) ||
      (port == 80 && g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0))
    return g_strdup (g_uri_get_host (uri));

  return g_strdup_printf ("%s:%d", g_uri_get_host (uri), port);
}

/* Which token endpoint the client got its token from, and its host. */
static char *
describe_token_endpoint (RaClient *client)
{
  RaEndpoint *endpoint = ra_client_get_endpoint (client);
  RaTokenEndpointKind kind = ra_token_provider_get_resolved_kind (ra_client_get_token_provider (client));
  g_autofree char *host = NULL;

  if (kind == RA_TOKEN_ENDPOINT_LEGACY)
    {
      host = dup_authority (ra_endpoint_get_legacy_token_url (endpoint));
      /* Translators: %s is a host name */
      return g_strdup_printf (_("the legacy API token endpoint (%s)"), host);
    }

  host = dup_authority (ra_endpoint_get_oauth_token_url (endpoint));
  /* Translators: %s is a host name */
  return g_strdup_printf (_("the Nexthink login service (%s)"), host);
}

static void
test_listed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RaAccountDialog) self = user_data;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;

  actions = ra_client_list_actions_finish (RA_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (actions != NULL)
    {
      guint n = g_list_model_get_n_items (actions);
      g_autofree char *title = NULL;
      g_autofree char *detail = NULL;
      g_autofree char *used = describe_token_endpoint (RA_CLIENT (object));

      /* Translators: the result of testing the connection */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Connected: %u remote action found",
                                            "Connected: %u remote actions found", n),
                               n);
      /* Translators: %s says which token endpoint was used, e.g.
       * "the Nexthink login service (acme-login.eu.nexthink.cloud)" */
      detail = g_strdup_printf (_("The credentials work and the Remote Actions API answers. "
                                  "The token came from %s."),
                                used);
      show_test_result (self, TRUE, title, detail);
    }
  else
    {
      show_test_result (self, FALSE, headline_for_error (error), error->message);
    }

  test_finished (self);
}

static void
test_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RaAccountDialog *self = RA_ACCOUNT_DIALOG (widget);
  g_autoptr(RaAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  for (Field field = 0; field < N_FIELDS; field++)
    self->touched[field] = TRUE;
  if (ra_account_dialog_update_validation (self) != N_FIELDS || self->test_client != NULL)
    return;

  account = account_from_fields (self);
  self->test_client = ra_account_create_client (account, entry_text (self->secret_row), &error);
  if (self->test_client == NULL)
    {
      show_test_result (self, FALSE, headline_for_error (error), error->message);
      return;
    }
  /* A test must tell about rate limiting, not silently wait it out. */
  ra_client_set_retry_policy (self->test_client, 0, 0);

  clear_test_result (self);
  gtk_widget_set_visible (GTK_WIDGET (self->test_spinner), TRUE);
  gtk_spinner_start (self->test_spinner);
  ra_account_dialog_update_validation (self);

  ra_client_list_actions_async (self->test_client, RA_FILTER_ANY, RA_FILTER_ANY,
                                self->cancellable, test_listed_cb, g_object_ref (self));
}

static void
toast (RaAccountDialog *self,
       const char      *message)
{
  AdwToast *t = ra_plain_toast_new (message);

  adw_toast_set_timeout (t, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

/* The secret is safe (keyring or session); now the rest. */
static void
commit (RaAccountDialog *self)
{
  g_autoptr(GError) error = NULL;
  RaAccount *stored;
  gboolean ok;

  if (self->account != NULL)
    ok = ra_account_manager_update (self->manager, self->pending, &error);
  else
    ok = ra_account_manager_add (self->manager, self->pending, &error);

  self->saving = FALSE;

  if (!ok)
    {
      toast (self, error->message);
      ra_account_dialog_update_validation (self);
      return;
    }

  stored = ra_account_manager_lookup (self->manager, ra_account_get_id (self->pending));
  g_signal_emit (self, signals[SAVED], 0, stored);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
commit_idle_cb (gpointer user_data)
{
  commit (user_data);
  return G_SOURCE_REMOVE;
}

static void
keyring_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  g_autoptr(RaAccountDialog) self = user_data;

  if (g_strcmp0 (response, "session") == 0 && self->pending != NULL)
    {
      ra_secret_store_set_session_secret (self->store,
                                          ra_account_get_id (self->pending),
                                          entry_text (self->secret_row));
      /* Not from inside the response: committing closes this window,
       * which the message dialog is still transient for. */
      g_idle_add_full (G_PRIORITY_DEFAULT, commit_idle_cb, g_object_ref (self), g_object_unref);
      return;
    }

  self->saving = FALSE;
  ra_account_dialog_update_validation (self);
}

static void
offer_session_secret (RaAccountDialog *self,
                      const GError    *error)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  body = g_strdup_printf ("%s\n\n%s", error->message,
                          _("You can use the client secret for this session only: it is kept "
                            "in memory and forgotten when Remote Actions quits. It is never "
                            "written to disk."));

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   _("The Client Secret Cannot Be Kept in the Keyring"),
                                   body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "session", _("_Use for This Session Only"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (keyring_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
secret_stored_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RaAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ra_secret_store_store_finish (RA_SECRET_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      offer_session_secret (self, error);
      return;
    }

  commit (self);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RaAccountDialog *self = RA_ACCOUNT_DIALOG (widget);
  Field invalid;

  for (Field field = 0; field < N_FIELDS; field++)
    self->touched[field] = TRUE;

  invalid = ra_account_dialog_update_validation (self);
  if (invalid != N_FIELDS)
    {
      gtk_widget_grab_focus (ra_account_dialog_field_row (self, invalid));
      return;
    }

  if (self->saving)
    return;

  self->saving = TRUE;
  ra_account_dialog_update_validation (self);

  g_clear_object (&self->pending);
  self->pending = account_from_fields (self);

  ra_secret_store_store_async (self->store, self->pending, entry_text (self->secret_row),
                               self->cancellable, secret_stored_cb, g_object_ref (self));
}

static void
secret_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RaAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RaSecret) secret = NULL;

  secret = ra_secret_store_lookup_finish (RA_SECRET_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading_secret = FALSE;

  /* The user may have typed a new secret meanwhile: theirs wins. Nor
   * is it filled in when the hosts were changed meanwhile. */
  if (secret != NULL && *entry_text (self->secret_row) == '\0' && !self->secret_needed_again)
    {
      g_signal_handlers_block_by_func (self->secret_row, field_changed_cb, self);
      gtk_editable_set_text (GTK_EDITABLE (self->secret_row), secret);
      g_signal_handlers_unblock_by_func (self->secret_row, field_changed_cb, self);
      self->secret_from_keyring = TRUE;
    }
  else if (error != NULL)
    {
      toast (self, error->message);
    }

  ra_account_dialog_update_validation (self);
}

static void
fill_fields (RaAccountDialog *self)
{
  RaAccount *account = self->account;
  const char *region = ra_account_get_region (account);

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), ra_account_get_display_name (account));
  gtk_editable_set_text (GTK_EDITABLE (self->instance_row), ra_account_get_instance (account));
  ra_account_dialog_set_region (self, region);
  gtk_editable_set_text (GTK_EDITABLE (self->client_id_row), ra_account_get_client_id (account));
  select_token_kind (self, ra_account_get_token_endpoint_kind (account));
  gtk_editable_set_text (GTK_EDITABLE (self->base_url_row),
                         ra_account_get_base_url_override (account));
  gtk_editable_set_text (GTK_EDITABLE (self->login_url_row),
                         ra_account_get_login_url_override (account));
  ra_query_setup_group_set_query_id (self->results_query_group,
                                     ra_account_get_results_query_id (account));
  ra_query_setup_group_set_query_id (self->lookup_query_group,
                                     ra_account_get_lookup_query_id (account));
  self->filling = FALSE;

  if (ra_account_get_token_endpoint_kind (account) != RA_TOKEN_ENDPOINT_AUTO ||
      *ra_account_get_base_url_override (account) != '\0' ||
      *ra_account_get_login_url_override (account) != '\0')
    adw_expander_row_set_expanded (self->advanced_row, TRUE);

  /* What was stored was valid; point out anything that is not any more. */
  for (Field field = 0; field < N_FIELDS; field++)
    self->touched[field] = field != FIELD_SECRET;

  self->loading_secret = TRUE;
  ra_secret_store_lookup_async (self->store, account, self->cancellable,
                                secret_loaded_cb, g_object_ref (self));
}

static gboolean
ra_account_dialog_close_request (GtkWindow *window)
{
  RaAccountDialog *self = RA_ACCOUNT_DIALOG (window);

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (ra_account_dialog_parent_class)->close_request (window);
}

static void
ra_account_dialog_dispose (GObject *object)
{
  RaAccountDialog *self = (RaAccountDialog *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->test_client != NULL)
    ra_client_sign_out (self->test_client);
  g_clear_object (&self->test_client);

  gtk_widget_dispose_template (GTK_WIDGET (self), RA_TYPE_ACCOUNT_DIALOG);

  G_OBJECT_CLASS (ra_account_dialog_parent_class)->dispose (object);
}

static void
ra_account_dialog_finalize (GObject *object)
{
  RaAccountDialog *self = (RaAccountDialog *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->manager);
  g_clear_object (&self->store);
  g_clear_object (&self->account);
  g_clear_object (&self->pending);
  g_clear_pointer (&self->region, g_free);

  G_OBJECT_CLASS (ra_account_dialog_parent_class)->finalize (object);
}

static void
ra_account_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RaAccountDialog *self = RA_ACCOUNT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_account_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RaAccountDialog *self = RA_ACCOUNT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_REGION:
      if (ra_account_dialog_set_region (self, g_value_get_string (value)))
        field_changed_cb (self, G_OBJECT (self->region_button));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_account_dialog_class_init (RaAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  ra_accessible_fix_mnemonic_names ();
  g_type_ensure (RA_TYPE_QUERY_SETUP_GROUP);

  object_class->dispose = ra_account_dialog_dispose;
  object_class->finalize = ra_account_dialog_finalize;
  object_class->get_property = ra_account_dialog_get_property;
  object_class->set_property = ra_account_dialog_set_property;
  window_class->close_request = ra_account_dialog_close_request;

  /* The code of the region chosen, or "" while none is. */
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RaAccountDialog::saved:
   * @account: the account as the manager holds it
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RA_TYPE_ACCOUNT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ra-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RaAccountDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RaAccountDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RaAccountDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, RaAccountDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RaAccountDialog, instance_row);
  gtk_widget_class_bind_template_child (widget_class, RaAccountDialog, instance_error);
  gtk_widget_class_bind_template_child (widget_class, RaAccountDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, RaAccountDialog, region_button);
  gtk_widget_class_bind_template_child (widget_class, RaAccountDialog, region_label);
  gtk_widget_class_bind_template_child (widget_class, RaAccountDialog, client_id_row);
  gtk_widget_class_bind_template_child (widget_class, RaAccountDialog, client_id_error);
  gtk_widget_class_bind_template_child (widget_class, RaAccountDialog, secret_row);
  gtk_widget_class_bind_template_child (widget_class, RaAccountDialog, secret_error);
  gtk_widget_class_bind_template_child (widget_class, RaAccountDialog, advanced_row);
  gtk_widget_class_bind_template_child (widget_class, RaAccountDialog, token_row);
  gtk_widget_class_bind_template_child (widget_class, RaAccountDialog, base_url_row);
  gtk_widget_class_bind_template_child (widget_class, RaAccountDialog, base_url_error);
  gtk_widget_class_bind_template_child (widget_class, RaAccountDialog, login_url_row);
  gtk_widget_class_bind_template_child (widget_class, RaAccountDialog, login_url_error);
  gtk_widget_class_bind_template_child (widget_class, RaAccountDialog, test_row);
  gtk_widget_class_bind_template_child (widget_class, RaAccountDialog, result_row);
  gtk_widget_class_bind_template_child (widget_class, RaAccountDialog, result_icon);
  gtk_widget_class_bind_template_child (widget_class, RaAccountDialog, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, RaAccountDialog, results_query_group);
  gtk_widget_class_bind_template_child (widget_class, RaAccountDialog, lookup_query_group);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "account.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "account.test", NULL, test_action_cb);
  /* A menu of radio items: Enter, Space or a click on one chooses it,
   * which libadwaita 1.2's combo row does not do while none is chosen. */
  gtk_widget_class_install_property_action (widget_class, "account.region", "region");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "account.save", NULL);
}

static void
ra_account_dialog_init (RaAccountDialog *self)
{
  g_autoptr(GtkStringList) token_labels = gtk_string_list_new (NULL);

  /* Before anything asks the state of account.region. */
  self->region = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  ra_accessible_name_icon_buttons (GTK_WIDGET (self->secret_row));

  ra_account_dialog_init_region (self);

  g_signal_connect_object (gtk_editable_get_delegate (GTK_EDITABLE (self->instance_row)),
                           "insert-text", G_CALLBACK (instance_insert_text_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->instance_row, "entry-activated",
                           G_CALLBACK (instance_done_cb), self, G_CONNECT_SWAPPED);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect_object (focus, "leave", G_CALLBACK (instance_done_cb), self,
                             G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->instance_row), focus);
  }

  for (guint i = 0; i < G_N_ELEMENTS (token_kinds); i++)
    gtk_string_list_append (token_labels, _(token_kinds[i].label));
  adw_combo_row_set_model (self->token_row, G_LIST_MODEL (token_labels));
}

RaAccountDialog *
ra_account_dialog_new (GtkWindow        *parent,
                       RaAccountManager *manager,
                       RaSecretStore    *store,
                       RaAccount        *account)
{
  RaAccountDialog *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RA_IS_ACCOUNT_MANAGER (manager), NULL);
  g_return_val_if_fail (RA_IS_SECRET_STORE (store), NULL);
  g_return_val_if_fail (!account || RA_IS_ACCOUNT (account), NULL);

  self = g_object_new (RA_TYPE_ACCOUNT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->manager = g_object_ref (manager);
  self->store = g_object_ref (store);
  g_set_object (&self->account, account);

  if (account != NULL)
    {
      g_autofree char *title = ra_account_dup_title (account);

      gtk_window_set_title (GTK_WINDOW (self), _("Edit Account"));
      adw_window_title_set_title (self->window_title, _("Edit Account"));
      adw_window_title_set_subtitle (self->window_title, title);
      fill_fields (self);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Add Account"));
      adw_window_title_set_title (self->window_title, _("Add Account"));
    }

  ra_account_dialog_update_validation (self);

  /* Not on Cancel, where the window would put it: on the first field
   * that a new account needs, the instance (a pasted address there
   * brings the region too); on the first field of one being edited. */
  gtk_widget_grab_focus (account != NULL ? GTK_WIDGET (self->name_row) : GTK_WIDGET (self->instance_row));

  return self;
}

RaAccount *
ra_account_dialog_get_account (RaAccountDialog *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT_DIALOG (self), NULL);

  return self->account;
}
