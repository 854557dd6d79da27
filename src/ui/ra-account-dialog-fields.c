/* ra-account-dialog-fields.c — checking what the account dialog's fields say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-account-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-account-dialog-private.h"
#include "ra-endpoint.h"

GtkWidget *
ra_account_dialog_field_row (RaAccountDialog *self,
                             Field            field)
{
  switch (field)
    {
    case FIELD_INSTANCE:
      return GTK_WIDGET (self->instance_row);
    case FIELD_CLIENT_ID:
      return GTK_WIDGET (self->client_id_row);
    case FIELD_SECRET:
      return GTK_WIDGET (self->secret_row);
    case FIELD_BASE_URL:
      return GTK_WIDGET (self->base_url_row);
    case FIELD_LOGIN_URL:
      return GTK_WIDGET (self->login_url_row);
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static AdwActionRow *
field_error_row (RaAccountDialog *self,
                 Field            field)
{
  switch (field)
    {
    case FIELD_INSTANCE:
      return self->instance_error;
    case FIELD_CLIENT_ID:
      return self->client_id_error;
    case FIELD_SECRET:
      return self->secret_error;
    case FIELD_BASE_URL:
      return self->base_url_error;
    case FIELD_LOGIN_URL:
      return self->login_url_error;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

/* Returns NULL when the field is fine, else why not. */
static char *
validate_field (RaAccountDialog *self,
                Field            field)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = dup_stripped (ra_account_dialog_field_row (self, field));

  switch (field)
    {
    case FIELD_INSTANCE:
      if (*text == '\0')
        return g_strdup (_("Enter the instance name."));
      if (!ra_endpoint_validate_instance (text, &error))
        return g_strdup (error->message);
      return NULL;

    case FIELD_CLIENT_ID:
      if (*text == '\0')
        return g_strdup (_("Enter the client ID of the API credentials."));
      return NULL;

    case FIELD_SECRET:
      /* Blanks may be part of a secret: judge the text as typed. */
      if (*entry_text (self->secret_row) == '\0')
        {
          if (self->secret_needed_again)
            return g_strdup (_("Enter the client secret again: a saved secret is only sent to "
                               "the servers it was saved for."));
          return g_strdup (self->loading_secret
                           ? _("Reading the client secret from the keyring…")
                           : _("Enter the client secret of the API credentials."));
        }
      return NULL;

    case FIELD_BASE_URL:
    case FIELD_LOGIN_URL:
      if (*text == '\0')
        return NULL;
      if (!ra_endpoint_validate_base_url (text, &error))
        return g_strdup (error->message);
      return NULL;

    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static void
show_field_state (RaAccountDialog *self,
                  Field            field,
                  const char      *problem)
{
  GtkWidget *row = ra_account_dialog_field_row (self, field);
  AdwActionRow *error_row = field_error_row (self, field);
  gboolean show = problem != NULL && self->touched[field];

  if (show)
    {
      gtk_widget_add_css_class (row, "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (error_row), problem);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }

  gtk_widget_set_visible (GTK_WIDGET (error_row), show);
}

Field
ra_account_dialog_update_validation (RaAccountDialog *self)
{
  Field first_invalid = N_FIELDS;
  gboolean complete, busy;

  for (Field field = 0; field < N_FIELDS; field++)
    {
      g_autofree char *problem = validate_field (self, field);

      show_field_state (self, field, problem);
      if (problem != NULL && first_invalid == N_FIELDS)
        first_invalid = field;

      /* A bad server address must not hide in the collapsed expander. */
      if (problem != NULL && (field == FIELD_BASE_URL || field == FIELD_LOGIN_URL) &&
          self->touched[field])
        adw_expander_row_set_expanded (self->advanced_row, TRUE);
    }

  /* The region is chosen from a menu that says "Choose…" until it is:
   * nothing to type wrong, and nothing to point out but that. */
  complete = first_invalid == N_FIELDS && self->region[0] != '\0' &&
             ra_query_setup_group_is_valid (self->results_query_group) &&
             ra_query_setup_group_is_valid (self->lookup_query_group);
  busy = self->saving || self->test_client != NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.save", complete && !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.test", complete && !busy);

  return first_invalid;
}
