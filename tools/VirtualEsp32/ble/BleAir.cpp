//
// LockFirmware virtual ESP32: the air between virtual devices (see BleAir.h). One small text file per
// advertising device, replaced atomically (write, then rename), so a reader never sees half of one.
//
#include <cstdio>
#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "BleAir.h"

namespace
{
    const char *Folder()
    {
        const char *folder = getenv("VESP32_BLE_AIR");
        return folder != nullptr && folder[0] != 0 ? folder : nullptr;
    }

    std::string Hex(const std::vector<uint8_t> &bytes)
    {
        std::string text;
        char pair[3];
        for (uint8_t b : bytes)
        {
            snprintf(pair, sizeof(pair), "%02x", b);
            text += pair;
        }

        return text.empty() ? "-" : text;
    }

    std::vector<uint8_t> Bytes(const std::string &hex)
    {
        std::vector<uint8_t> bytes;
        for (size_t i = 0; i + 1 < hex.size(); i += 2)
        {
            bytes.push_back((uint8_t)strtoul(hex.substr(i, 2).c_str(), nullptr, 16));
        }

        return bytes;
    }

    std::string FileName(uint64_t address)
    {
        char name[32];
        snprintf(name, sizeof(name), "%012llx.adv", (unsigned long long)address);
        return std::string(Folder()) + "/" + name;
    }

    bool Read(const std::string &path, BlePeer &peer)
    {
        std::ifstream file(path);
        std::string key, value;
        peer.port = 0;
        peer.rssi = -60;
        while (file >> key >> value)
        {
            if (key == "address")
                peer.address = strtoull(value.c_str(), nullptr, 16);
            else if (key == "port")
                peer.port = atoi(value.c_str());
            else if (key == "rssi")
                peer.rssi = atoi(value.c_str());
            else if (key == "advert")
                peer.advert = Bytes(value);
            else if (key == "scan")
                peer.scanResponse = Bytes(value);
        }

        return peer.port > 0;
    }
} // namespace

uint64_t BleAir_Address()
{
    const char *text = getenv("VESP32_BLE_ADDRESS");
    unsigned int b[6];
    if (text != nullptr && sscanf(text, "%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5]) == 6)
    {
        uint64_t address = 0;
        for (unsigned int byte : b)
        {
            address = (address << 8) | (byte & 0xff);
        }

        return address;
    }

    return 0x240ac4000001ULL;
}

void BleAir_Publish(int port, const std::vector<uint8_t> &advert, const std::vector<uint8_t> &scanResponse)
{
    if (Folder() == nullptr)
    {
        return;
    }

    std::string path = FileName(BleAir_Address());
    if (port <= 0)
    {
        unlink(path.c_str());
        return;
    }

    const char *rssi = getenv("VESP32_BLE_RSSI");
    std::string temporary = path + ".tmp";
    {
        std::ofstream file(temporary);
        file << "address " << std::hex << BleAir_Address() << std::dec << "\nport " << port << "\nrssi "
             << (rssi != nullptr ? atoi(rssi) : -60) << "\nadvert " << Hex(advert) << "\nscan " << Hex(scanResponse)
             << "\n";
    }

    rename(temporary.c_str(), path.c_str());
}

std::vector<BlePeer> BleAir_Peers()
{
    std::vector<BlePeer> peers;
    const char *folder = Folder();
    DIR *dir = folder != nullptr ? opendir(folder) : nullptr;
    if (dir == nullptr)
    {
        return peers;
    }

    while (dirent *entry = readdir(dir))
    {
        std::string name = entry->d_name;
        BlePeer peer;
        if (name.size() == 16 && name.substr(12) == ".adv" && Read(std::string(folder) + "/" + name, peer) &&
            peer.address != BleAir_Address())
        {
            peers.push_back(peer);
        }
    }

    closedir(dir);
    return peers;
}

bool BleAir_Find(uint64_t address, BlePeer &peer)
{
    return Folder() != nullptr && Read(FileName(address), peer) && peer.address == address;
}
