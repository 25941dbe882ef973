//
// LockFirmware virtual ESP32: the channel-0 attribute protocol (see BleAtt.h).
//
#include <cstring>

#include "BleAtt.h"

namespace
{
    const uint16_t CharacteristicDeclaration = 0x2803;
    const uint16_t ClientConfiguration = 0x2902;
    const uint8_t NotifyOrIndicate = 0x30;
    const uint8_t Base[16] = {0, 0, 0, 0, 0, 0, 0, 0x10, 0x80, 0, 0, 0x80, 0x5f, 0x9b, 0x34, 0xfb};

    void Put16(uint8_t *at, uint16_t value)
    {
        at[0] = (uint8_t)value;
        at[1] = (uint8_t)(value >> 8);
    }

    BleAttribute Make(char kind, uint16_t handle, uint16_t end, uint8_t properties, const uint8_t *uuid, uint16_t id)
    {
        BleAttribute a{kind, handle, end, properties, {}, id};
        memcpy(a.uuid, uuid, 16);
        return a;
    }
} // namespace

void BleAtt_Uuid16(uint16_t uuid, uint8_t *guid)
{
    memcpy(guid, Base, 16);
    Put16(guid, uuid);
}

uint16_t BleAtt_U16(const uint8_t *bytes)
{
    return (uint16_t)(bytes[0] | (bytes[1] << 8));
}

std::vector<BleAttribute> BleAtt_Layout(const std::vector<BleCharacteristic> &table)
{
    std::vector<BleAttribute> attributes;
    uint8_t declaration[16], cccd[16];
    BleAtt_Uuid16(CharacteristicDeclaration, declaration);
    BleAtt_Uuid16(ClientConfiguration, cccd);

    uint16_t handle = 0;
    size_t service = 0;
    for (size_t i = 0; i < table.size(); i++)
    {
        const BleCharacteristic &c = table[i];
        if (i == 0 || memcmp(c.serviceBytes, table[i - 1].serviceBytes, 16) != 0)
        {
            service = attributes.size();
            attributes.push_back(Make('S', ++handle, 0, 0, c.serviceBytes, 0));
        }

        uint8_t properties = (uint8_t)(c.properties & 0xff);
        attributes.push_back(Make('D', ++handle, 0, 0, declaration, 0));
        attributes.push_back(Make('C', ++handle, (uint16_t)(handle - 1), properties, c.uuidBytes, c.id));
        if (properties & NotifyOrIndicate)
        {
            attributes.push_back(Make('D', ++handle, 0, 0, cccd, c.id));
        }

        attributes[service].end = handle;
    }

    return attributes;
}

const BleAttribute *BleAtt_Find(const std::vector<BleAttribute> &attributes, uint16_t handle)
{
    for (const auto &a : attributes)
    {
        if (a.handle == handle)
        {
            return &a;
        }
    }

    return nullptr;
}

size_t BleAtt_Attribute(uint8_t *frame, const BleAttribute &a)
{
    uint8_t *m = frame + 2;
    m[0] = 'A';
    m[1] = (uint8_t)a.kind;
    Put16(m + 2, a.handle);
    Put16(m + 4, a.end);
    m[6] = a.properties;
    memcpy(m + 7, a.uuid, 16);
    frame[0] = BleAtt_Channel;
    frame[1] = 23;
    return 2 + 23;
}

size_t BleAtt_Message(uint8_t *frame, char op, uint16_t handle, const uint8_t *value, size_t length)
{
    if (length > 255 - 3)
    {
        length = 255 - 3;
    }

    frame[0] = BleAtt_Channel;
    frame[1] = (uint8_t)(3 + length);
    frame[2] = (uint8_t)op;
    Put16(frame + 3, handle);
    if (length > 0)
    {
        memcpy(frame + 5, value, length);
    }

    return 2 + 3 + length;
}

size_t BleAtt_Response(uint8_t *frame, uint16_t handle, uint16_t status)
{
    uint8_t value[2];
    Put16(value, status);
    return BleAtt_Message(frame, 'R', handle, value, 2);
}

bool BleAtt_ReadAttribute(const uint8_t *m, size_t length, BleAttribute &a)
{
    if (length != 23 || m[0] != 'A')
    {
        return false;
    }

    a.kind = (char)m[1];
    a.handle = BleAtt_U16(m + 2);
    a.end = BleAtt_U16(m + 4);
    a.properties = m[6];
    memcpy(a.uuid, m + 7, 16);
    a.characteristicId = 0;
    return true;
}
