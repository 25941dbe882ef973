// empty: see esp_nimble_hci.h in this folder
