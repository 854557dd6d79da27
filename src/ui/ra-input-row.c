/* ra-input-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-input-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-error.h"
#include "ra-input-row.h"

G_DEFINE_INTERFACE (RaInputRow, ra_input_row, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ra_input_row_default_init (RaInputRowInterface *iface)
{
  g_object_interface_install_property (iface,
    g_param_spec_object ("input", NULL, NULL,
                         RA_TYPE_ACTION_INPUT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS));

  /* The value changed, by the user or by ra_input_row_set_value(). */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

RaActionInput *
ra_input_row_get_input (RaInputRow *self)
{
  g_autoptr(RaActionInput) input = NULL;

  g_return_val_if_fail (RA_IS_INPUT_ROW (self), NULL);

  g_object_get (self, "input", &input, NULL);

  /* The row holds its own reference for its whole life. */
  return input;
}

char *
ra_input_row_dup_value (RaInputRow *self)
{
  char *value;

  g_return_val_if_fail (RA_IS_INPUT_ROW (self), NULL);

  value = RA_INPUT_ROW_GET_IFACE (self)->dup_value (self);

  return value ? value : g_strdup ("");
}

void
ra_input_row_set_value (RaInputRow *self,
                        const char *value)
{
  g_return_if_fail (RA_IS_INPUT_ROW (self));

  RA_INPUT_ROW_GET_IFACE (self)->set_value (self, value ? value : "");
}

gboolean
ra_input_row_is_blank (RaInputRow *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (RA_IS_INPUT_ROW (self), TRUE);

  value = ra_input_row_dup_value (self);
  g_strstrip (value);

  return value[0] == '\0';
}

gboolean
ra_input_row_validate (RaInputRow  *self,
                       GError     **error)
{
  g_autofree char *value = NULL;
  RaActionInput *input;

  g_return_val_if_fail (RA_IS_INPUT_ROW (self), FALSE);

  input = ra_input_row_get_input (self);
  value = ra_input_row_dup_value (self);

  /* A fixed option is a decision nobody may skip. Other inputs are often
   * used only with some choices ("used when Mode is Manual"), so a blank
   * one is left out of the request and the script uses its default. */
  if (ra_input_row_is_blank (self))
    {
      if (!ra_action_input_has_fixed_options (input))
        return TRUE;

      g_set_error_literal (error, RA_ERROR, RA_ERROR_INVALID_INPUT,
                           _("Choose one of the options."));
      return FALSE;
    }

  return ra_action_input_validate_value (input, value, error);
}

/* The platforms of the action that have a script, unknown counting as
 * one: the note speaks only of what the action runs. */
static gboolean
action_runs_on (RaTristate has_script)
{
  return has_script != RA_TRISTATE_NO;
}

char *
ra_input_row_describe_platforms (RaActionInput  *input,
                                 RaRemoteAction *action)
{
  gboolean windows, macos, unused_windows, unused_macos;

  g_return_val_if_fail (RA_IS_ACTION_INPUT (input), NULL);
  g_return_val_if_fail (action == NULL || RA_IS_REMOTE_ACTION (action), NULL);

  windows = action == NULL || action_runs_on (ra_remote_action_get_has_script_windows (action));
  macos = action == NULL || action_runs_on (ra_remote_action_get_has_script_macos (action));

  /* Only a platform the input is known to be left out of makes it differ
   * from the action: an input whose platforms are not known goes
   * wherever the action goes. */
  unused_windows = windows && ra_action_input_get_used_by_windows (input) == RA_TRISTATE_NO;
  unused_macos = macos && ra_action_input_get_used_by_macos (input) == RA_TRISTATE_NO;

  if (!unused_windows && !unused_macos)
    return NULL;

  if (windows && macos)
    {
      if (unused_windows && unused_macos)
        return g_strdup (_("Not used by either script"));
      else if (unused_macos)
        return g_strdup (_("Used on Windows only"));
      else
        return g_strdup (_("Used on macOS only"));
    }

  return g_strdup (_("Not used by the script"));
}

void
ra_input_row_emit_changed (RaInputRow *self)
{
  g_return_if_fail (RA_IS_INPUT_ROW (self));

  g_signal_emit (self, signals[CHANGED], 0);
}
